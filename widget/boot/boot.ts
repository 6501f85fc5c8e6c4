/**
 * The loader's logic (issue "Chat end to end"): reads the command queue the snippet left behind,
 * builds the launcher in an open shadow root, and imports the panel chunk on first click or when
 * the browser is idle after load. `window.Openline` is the only global it defines. Everything that
 * can wait (event listeners, argument checks) lives in the chunk: the loader has a 2 KB budget.
 */
import type { StartWidget, WidgetApp, WidgetConfig, WidgetHost } from '../host-contract.ts'
import { onColor, safeColor } from '../theme/contrast.ts'
import { findWidgetId } from './find-widget-id.ts'
import { createHostElement } from './host-element.ts'
import { createLauncher } from './launcher.ts'
import { type LoaderWindow, whenIdle } from './when-idle.ts'

export type OpenlineFunction = ((command: unknown, ...args: unknown[]) => void) & {
  /** Calls made before the loader arrived (the snippet's stub pushes `arguments` here). */
  q?: ArrayLike<ArrayLike<unknown>>
  /** Set once a loader runs: a second copy of the snippet or the script does nothing. */
  loaded?: true
}

export interface BootEnv {
  window: LoaderWindow & { Openline?: OpenlineFunction }
  document: Document
  /** The loader's `import.meta.url`: its directory is /widget/ on the Openline server. */
  scriptUrl: string
  loadApp(): Promise<{ start: StartWidget }>
  fetch(url: string): Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>
}

/** The commands forwarded to the app (`init` is handled here). */
const COMMANDS = ['open', 'close', 'toggle', 'on', 'identify'] as const

export function boot(env: BootEnv): void {
  const win = env.window
  const doc = env.document
  const stub = win.Openline
  if (stub?.loaded) return
  const queue = stub?.q ?? []
  const widgetId = findWidgetId(queue, doc)
  if (!widgetId)
    throw new Error('Openline: no widget id; expected Openline("init", {widgetId}) or data-openline-widget')
  const baseUrl = new URL('../', env.scriptUrl).href

  const hostReady = (async (): Promise<WidgetHost> => {
    const res = await env.fetch(`${baseUrl}api/widgets/${encodeURIComponent(widgetId)}/config`)
    if (!res.ok) throw new Error(`Openline: widget ${widgetId}: HTTP ${res.status}`)
    const config = (await res.json()) as WidgetConfig
    const color = safeColor(config.settings.color)
    const { host, root, ...parts } = createHostElement(doc, {
      '--ol-color': color,
      '--ol-on-color': onColor(color),
    })
    root.setAttribute('data-pos', config.settings.position)
    const launcher = createLauncher(doc, config.settings.launcherLabel)
    const mount = doc.createElement('div')
    root.append(launcher.launcher, mount)
    launcher.launcher.addEventListener('click', () => run('toggle'))
    // An async module can run before <body> exists; a fixed element works under <html> just as well.
    ;(doc.body ?? doc.documentElement).append(host)
    return { widgetId, baseUrl, config, mount, ...parts, ...launcher }
  })()

  let app: Promise<WidgetApp> | undefined
  // Errors (no such widget, chunk failed to load) surface as unhandled rejections in the console.
  const withApp = async (fn: (app: WidgetApp) => unknown) => {
    app ??= (async () => {
      const chunk = env.loadApp()
      const host = await hostReady
      return (await chunk).start(host)
    })()
    fn(await app)
  }

  const run = (command: unknown, a?: unknown, b?: unknown): void => {
    if (command === 'init') {
      if ((a as { widgetId?: unknown } | undefined)?.widgetId !== widgetId) {
        throw new Error(`Openline: already initialised with widget ${widgetId}`)
      }
    } else if (COMMANDS.includes(command as 'open')) {
      void withApp((x) => x[command as 'on'](a as 'ready', b as () => void))
    } else {
      throw new Error(`Openline: unknown command ${String(command)}; expected init,${COMMANDS}`)
    }
  }

  const api: OpenlineFunction = (command, ...args) => run(command, ...args)
  api.loaded = true
  win.Openline = api
  for (let i = 0; i < queue.length; i++) {
    const args = queue[i]!
    try {
      run(args[0], args[1], args[2])
    } catch (error) {
      // The page's earlier mistake is reported, but the calls after it still run.
      win.setTimeout(() => {
        throw error
      })
    }
  }
  whenIdle(win, doc, () => void withApp(() => {}))
}

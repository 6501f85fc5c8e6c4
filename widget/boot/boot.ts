/**
 * The loader's logic (issue "Chat end to end"): reads the command queue the snippet left behind,
 * builds the launcher in an open shadow root, and imports the panel chunk on first click or when
 * the browser is idle after load. `window.Openline` is the only global it defines. Everything that
 * can wait (event listeners, argument checks) lives in the chunk: the loader has a 2 KB budget.
 */
import type { StartWidget, WidgetApp, WidgetConfig, WidgetHost } from '../host-contract.ts'
import type { StartRules } from '../rules/index.ts'
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
  /** The display-rules chunk (issue 5): imported only when the widget has rules. */
  loadRules(): Promise<{ startRules: StartRules }>
  /** navigator.language: picks the texts when the widget's language is 'auto'. */
  locale: string
  fetch(url: string): Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>
}

/** The commands forwarded to the app (`init` is handled here); the app checks their arguments. */
const COMMANDS = [
  'open',
  'close',
  'toggle',
  'on',
  'identify',
  'show',
  'prefill',
  'setLocale',
  'page',
] as const

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
    const res = await env.fetch(
      `${baseUrl}api/widgets/${encodeURIComponent(widgetId)}/config?locale=${encodeURIComponent(env.locale)}`,
    )
    if (!res.ok) throw new Error(`Openline: widget ${widgetId}: HTTP ${res.status}`)
    const config = (await res.json()) as WidgetConfig
    // The server validated the colour and picked the text colour on it (WCAG contrast).
    const { host, root, ...parts } = createHostElement(doc, {
      '--ol-color': config.settings.color,
      '--ol-on-color': config.onColor,
    })
    root.setAttribute('data-pos', config.settings.position)
    const launcher = createLauncher(doc, config.settings.launcherLabel, config.launcherIcon)
    const mount = doc.createElement('div')
    root.append(launcher.launcher, mount)
    launcher.launcher.addEventListener('click', () => run('toggle'))
    const show = (on: boolean) => host.style.setProperty('display', on ? 'block' : 'none', 'important')
    // Display rules (issue 5): with rules, nothing shows until the rules chunk says so. A line closed
    // under "hide the widget" (issue 4, item 2) shows nothing, whatever the rules say.
    let page = (_url: string) => {}
    if (config.line.offHours === 'hide') show(false)
    else if (config.settings.displayRules) {
      show(false)
      page = (await env.loadRules()).startRules({
        config,
        root,
        show,
        adoptStyles: parts.adoptStyles,
        open: () => run('open'),
      })
      page(doc.URL)
    }
    // An async module can run before <body> exists; a fixed element works under <html> just as well.
    ;(doc.body ?? doc.documentElement).append(host)
    return { widgetId, baseUrl, config, mount, page: (url: string) => page(url), ...parts, ...launcher }
  })()

  let app: Promise<WidgetApp> | undefined
  /** Once the app is there, commands run synchronously: a misuse throws at the caller. */
  let ready: WidgetApp | undefined
  // Errors (no such widget, chunk failed to load) surface as unhandled rejections in the console.
  const withApp = async (fn: (app: WidgetApp) => unknown) => {
    app ??= (async () => {
      const chunk = env.loadApp()
      const host = await hostReady
      ready = (await chunk).start(host)
      return ready
    })()
    fn(await app)
  }

  const run = (command: unknown, a?: unknown, b?: unknown): void => {
    if (command === 'init') {
      if ((a as { widgetId?: unknown } | undefined)?.widgetId !== widgetId) {
        throw new Error(`Openline: already initialised with widget ${widgetId}`)
      }
    } else if (COMMANDS.includes(command as 'open')) {
      const call = (x: WidgetApp) => x[command as 'on'](a, b)
      if (ready) call(ready)
      else void withApp(call)
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

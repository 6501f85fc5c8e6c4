// @vitest-environment happy-dom
import { createElement, Fragment, render, type VNode } from 'preact'
import { transformWithOxc } from 'vite'
import { describe, expect, it } from 'vitest'
import { classicJsx } from './classic-jsx.ts'

const plugin = classicJsx()
const transform = plugin.transform as (code: string, id: string) => { code: string } | null
const config = plugin.config as () => { oxc: { jsx: Record<string, unknown> } }

describe('classicJsx', () => {
  it('imports the createElement runtime into .tsx modules only', () => {
    expect(transform('export const a = 1', '/w/chat/panel.tsx?x')?.code).toMatch(
      /^import \{ createElement as __olH, Fragment as __olF \} from 'preact';export const a = 1/,
    )
    expect(transform('export const a = 1', '/w/rules/index.ts')).toBeNull()
  })

  it('compiles elements, fragments, keys and children to createElement calls', async () => {
    const source = 'export const v = <><p key="k" class="a">x{1}</p><b /></>'
    const { code } = await transformWithOxc(transform(source, 'a.tsx')!.code, 'a.tsx', config().oxc)
    expect(code).toMatch(/__olH\(__olF, null, .*__olH\("p", \{/)
    expect(code).not.toContain('children')
    expect(code).not.toContain('jsx-runtime')
    const body = code.replace(/^import[^;]*;/m, '').replace('export const v =', 'return')
    const run = new Function('__olH', '__olF', body) as (h: unknown, f: unknown) => VNode
    const root = document.createElement('div')
    render(run(createElement, Fragment), root)
    expect(root.innerHTML).toBe('<p class="a">x1</p><b></b>')
  })
})

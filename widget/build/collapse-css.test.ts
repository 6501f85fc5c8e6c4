// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { launcherCss } from '../boot/launcher-css.ts'
import { panelCss } from '../chat/panel-css.ts'
import { collapseCss, collapseCssModule, collapseCssText } from './collapse-css.ts'

describe('collapseCssText', () => {
  it('drops line breaks next to braces, semicolons, commas and child combinators', () => {
    expect(collapseCssText('\n.a{color:red;\n  top:0}\n.b,\n.c >\n.d{x:y}\n')).toBe(
      '.a{color:red;top:0}.b,.c >.d{x:y}',
    )
  })

  it('keeps a line break that separates two words as one space (a descendant combinator)', () => {
    expect(collapseCssText('.a\n  .b{margin:0\n 4px}')).toBe('.a .b{margin:0 4px}')
  })

  it('leaves spaces without a line break, strings and comments-free text as written', () => {
    const css = '.a > .b{font:15px/1 "Segoe UI",x;content:"; {"}'
    expect(collapseCssText(css)).toBe(css)
  })

  it('removes comments', () => {
    expect(collapseCssText('.a{top:0}/* why */\n.b{top:1}')).toBe('.a{top:0}.b{top:1}')
  })

  it('keeps a space where a line break meets an expression of unknown value', () => {
    expect(collapseCssText('\n.a', false, true)).toBe(' .a')
    expect(collapseCssText('.a\n', true, false)).toBe('.a ')
    expect(collapseCssText('}\n.a', false, true)).toBe('}.a')
  })
})

describe('collapseCssModule', () => {
  it('rewrites the text of template literals and leaves their expressions alone', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: module source code under test.
    const code = 'const v = `--x:1`\n// a `quoted` comment\nexport const css = `\n.a{${v}}\n.b{top:0}\n`\n'
    expect(collapseCssModule(code, 'a-css.ts')).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: module source code under test.
      'const v = `--x:1`\n// a `quoted` comment\nexport const css = `.a{${v}}.b{top:0}`\n',
    )
  })

  it('returns null when there is nothing to collapse', () => {
    expect(collapseCssModule('export const css = `.a{top:0}`', 'a-css.ts')).toBeNull()
  })

  it('produces the same rules as the readable source', () => {
    const sheet = (css: string) => {
      const s = new CSSStyleSheet()
      s.replaceSync(css)
      return [...s.cssRules].map((r) => r.cssText)
    }
    for (const css of [panelCss, launcherCss]) {
      const collapsed = collapseCssText(css)
      expect(collapsed).not.toContain('\n')
      expect(sheet(css).length).toBeGreaterThan(8)
      expect(sheet(collapsed)).toEqual(sheet(css))
    }
  })
})

describe('collapseCss plugin', () => {
  it('applies to *-css.ts modules only', () => {
    const plugin = collapseCss()
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null
    const code = 'export const css = `.a{top:0}\n.b{top:0}`'
    expect(transform(code, '/w/chat/panel-css.ts')?.code).toBe('export const css = `.a{top:0}.b{top:0}`')
    expect(transform(code, '/w/chat/panel.ts')).toBeNull()
  })
})

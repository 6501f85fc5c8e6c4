/** Plain-text table for the bench's stdout: left-aligned first column, right-aligned numbers. */

export type Row = readonly string[]

export function renderTable(title: string, header: Row, rows: readonly Row[]): string {
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)))
  const line = (row: Row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd()
  const rule = '-'.repeat(widths.reduce((total, w) => total + w + 2, -2))
  return [title, rule, line(header), rule, ...rows.map(line), ''].join('\n')
}

/** Milliseconds with enough digits for sub-millisecond loopback numbers. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—'
  return value < 10 ? value.toFixed(2) : value.toFixed(1)
}

export function times(value: number): string {
  return Number.isFinite(value) ? `×${value.toFixed(1)}` : '—'
}

export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—'
}

export function kib(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : '—'
}

export function mib(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : '—'
}

/** CPU use in percent of one core (200 % = both cores of a 2-core machine). */
export function percent(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? `${Math.round(value)} %` : '—'
}

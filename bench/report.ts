/** The results of one `npm run bench` and their stdout rendering. */
import type { DeliveryResult } from './phases/delivery.ts'
import type { FloorResult } from './phases/floor.ts'
import type { MemoryResult } from './phases/memory.ts'
import type { ThroughputRow } from './phases/throughput.ts'
import type { BenchConfig } from './support/bench-config.ts'
import type { ServerLoad } from './support/child-process.ts'
import { count, kib, mib, ms, percent, renderTable, times } from './support/format.ts'
import { ratio, type Summary } from './support/stats.ts'

export interface BenchResults {
  date: string
  machine: {
    node: string
    cpus: number
    cpuModel: string
    platform: string
    /** 1-minute load average when the run started: other work on the machine skews every number. */
    loadAverage: number
  }
  config: BenchConfig
  floor?: FloorResult
  delivery?: DeliveryResult
  throughput: ThroughputRow[]
  memory: { bare?: MemoryResult; openline?: MemoryResult }
  /** Phases that failed, with their error; the others still ran. */
  failures: { phase: string; error: string }[]
}

const NONE = Number.NaN

export function ratios(results: BenchResults) {
  const floor = results.floor?.roundTrip
  const delivery = results.delivery?.delivery
  const { bare, openline } = results.memory
  return {
    deliveryP50: ratio(delivery?.p50 ?? NONE, floor?.p50 ?? NONE),
    deliveryP99: ratio(delivery?.p99 ?? NONE, floor?.p99 ?? NONE),
    rssPerConnection: ratio(openline?.rssPerConnection ?? NONE, bare?.rssPerConnection ?? NONE),
    heapPerConnection: ratio(openline?.heapPerConnection ?? NONE, bare?.heapPerConnection ?? NONE),
  }
}

function latencyCells(s: Summary | undefined, missing: number | undefined): string[] {
  if (!s) return ['—', '—', '—', '—', '—', '—']
  return [count(s.count), ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max), count(missing ?? NONE)]
}

/** "CPU 69 % / loop 98 % / client 35 %": the server child's CPU and event-loop use, and the load generator's CPU. */
function loadCell(load: ServerLoad | null | undefined): string {
  if (!load) return '—'
  return `${percent(load.cpuPercent)} / ${percent(load.loopBusyPercent)} / ${percent(load.clientCpuPercent)}`
}

const LOAD_HEADER = 'server CPU / loop busy / client CPU'

function latencyTable(results: BenchResults): string {
  const { config, floor, delivery } = results
  const r = ratios(results)
  const operators = delivery?.operators ?? config.operators
  return renderTable(
    `1–2. Latency under paced load (${config.clients} sockets × 1 msg/s × ${config.seconds} s; ms)`,
    ['', 'samples', 'p50', 'p90', 'p99', 'max', 'missing', LOAD_HEADER],
    [
      [
        'floor: bare ws echo round trip',
        ...latencyCells(floor?.roundTrip, floor?.missing),
        loadCell(floor?.server),
      ],
      [
        `openline: visitor → ${operators} operator socket(s), message.created`,
        ...latencyCells(delivery?.delivery, delivery?.missingDeliveries),
        loadCell(delivery?.server),
      ],
      ['openline: visitor send → frame.ack', ...latencyCells(delivery?.ack, delivery?.missingAcks), ''],
      ['openline delivery ÷ floor', '', times(r.deliveryP50), '', times(r.deliveryP99), '', '', ''],
    ],
  )
}

function throughputTable(rows: readonly ThroughputRow[]): string {
  return renderTable(
    '3. Messages durably stored per second',
    ['', 'in flight', 'messages', 'msg/s', 'p50 ms', 'p99 ms', 'errors', LOAD_HEADER],
    rows.map((row) => [
      `${row.storage} ${row.path}`,
      row.inFlight,
      count(row.messages),
      count(row.perSecond),
      ms(row.latency.p50),
      ms(row.latency.p99),
      count(row.errors),
      row.server ? loadCell(row.server) : 'in-process',
    ]),
  )
}

function memoryTable(results: BenchResults): string {
  const r = ratios(results)
  const row = (label: string, m: MemoryResult | undefined) => [
    label,
    count(m?.connections ?? NONE),
    mib(m?.before.rss ?? NONE),
    mib(m?.after.rss ?? NONE),
    kib(m?.rssPerConnection ?? NONE),
    kib(m?.heapPerConnection ?? NONE),
  ]
  return renderTable(
    '4. Memory per idle connection (server process, after forced GC)',
    ['', 'connections', 'RSS before', 'RSS after', 'RSS / conn', 'V8 heap / conn'],
    [
      row('bare ws server', results.memory.bare),
      row('openline, authenticated visitor', results.memory.openline),
      ['openline ÷ bare ws', '', '', '', times(r.rssPerConnection), times(r.heapPerConnection)],
    ],
  )
}

export function renderReport(results: BenchResults): string {
  const m = results.machine
  return [
    `Openline bench — ${results.date} — Node ${m.node}, ${m.cpus} × ${m.cpuModel}, loopback, load average ${m.loadAverage.toFixed(2)} at start\n`,
    latencyTable(results),
    throughputTable(results.throughput),
    memoryTable(results),
    ...results.failures.map((f) => `FAILED ${f.phase}: ${f.error}\n`),
  ].join('\n')
}

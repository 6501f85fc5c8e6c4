/**
 * `npm run admin -- <command> …`: installation chores from a shell — the first workspace of a
 * fresh install, an extra operator or line. Exported as a function of argv so tests run it
 * in-process; `admin.ts` is the thin entry point.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { hashPassword } from '../auth/index.ts'
import { ConfigError, loadConfig } from '../config/index.ts'
import { openStore } from '../store/index.ts'
import { type Store, StoreError } from '../store/types.ts'
import { createWorkspaceWithDefaults } from '../workspaces/index.ts'

export interface AdminCliDeps {
  env: Record<string, string | undefined>
  out: (line: string) => void
  err: (line: string) => void
  now?: () => number
}

/** Exit codes: 0 done, 1 unexpected failure, 2 bad input (usage, validation, conflict, unknown id). */
export type ExitCode = 0 | 1 | 2

class UsageError extends Error {}

const email = z.string().trim().toLowerCase().pipe(z.email('a valid email address'))
const password = z.string().min(8, 'at least 8 characters').max(200)
const name = z.string().trim().min(1, 'must not be empty').max(120)
const id = z.string().min(1, 'must not be empty').max(64)

interface Command {
  summary: string
  usage: string
  options: Record<string, { type: 'string' }>
  schema: z.ZodType
  run(
    store: Store,
    input: never,
    context: { now: number; publicUrl: string; out: (l: string) => void },
  ): Promise<void>
}

function command<S extends z.ZodType>(
  spec: Omit<Command, 'run' | 'schema'> & {
    schema: S
    run(
      store: Store,
      input: z.output<S>,
      context: { now: number; publicUrl: string; out: (l: string) => void },
    ): Promise<void>
  },
): Command {
  return spec as Command
}

const flag = { type: 'string' } as const

const commands: Record<string, Command> = {
  'create-workspace': command({
    summary: 'a workspace with its admin operator, a line "General" and a widget',
    usage: 'create-workspace --name N --email E --password P [--operator-name X]',
    options: { name: flag, email: flag, password: flag, 'operator-name': flag },
    schema: z.object({ name, email, password, 'operator-name': name.default('Admin') }),
    async run(store, input, { now, publicUrl, out }) {
      const created = await createWorkspaceWithDefaults(store, {
        name: input.name,
        operator: { email: input.email, name: input['operator-name'], password: input.password },
        now,
      })
      out(`workspace    ${created.workspace.id}  ${created.workspace.name}`)
      out(`operator     ${created.operator.id}  ${created.operator.email} (admin)`)
      out(`line         ${created.line.id}  ${created.line.name}`)
      out(`widget       ${created.widget.id}  ${created.widget.name}`)
      out(`public chat  ${publicUrl}/chat/${created.widget.publicSlug}`)
    },
  }),
  'create-operator': command({
    summary: 'an operator in an existing workspace',
    usage: 'create-operator --workspace W --email E --password P --name X [--role admin|operator]',
    options: { workspace: flag, email: flag, password: flag, name: flag, role: flag },
    schema: z.object({
      workspace: id,
      email,
      password,
      name,
      role: z.enum(['admin', 'operator'], 'admin or operator').default('operator'),
    }),
    async run(store, input, { now, out }) {
      await requireWorkspace(store, input.workspace)
      const operator = await store.createOperator({
        workspaceId: input.workspace,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        now,
      })
      out(`operator  ${operator.id}  ${operator.email} (${operator.role})`)
    },
  }),
  'create-line': command({
    summary: 'a line in an existing workspace',
    usage: 'create-line --workspace W --name N',
    options: { workspace: flag, name: flag },
    schema: z.object({ workspace: id, name }),
    async run(store, input, { now, out }) {
      await requireWorkspace(store, input.workspace)
      const line = await store.createLine({ workspaceId: input.workspace, name: input.name, now })
      out(`line  ${line.id}  ${line.name}`)
    },
  }),
}

async function requireWorkspace(store: Store, workspaceId: string): Promise<void> {
  if (!(await store.getWorkspace(workspaceId))) throw new UsageError(`no workspace with id ${workspaceId}`)
}

export function adminUsage(): string {
  const lines = ['Usage: npm run admin -- <command> [options]', '', 'Commands:']
  for (const [name, spec] of Object.entries(commands))
    lines.push(`  ${spec.usage}`, `      ${name}: ${spec.summary}`)
  lines.push('', 'Storage comes from the environment (DATABASE_URL or DATA_DIR), as for the server.')
  return lines.join('\n')
}

function parseInput(spec: Command, args: string[]): unknown {
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({ args, options: spec.options, strict: true, allowPositionals: false }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const result = spec.schema.safeParse(values)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const field = issue.path[0]
    const what =
      issue.code === 'invalid_type' && values[String(field)] === undefined ? 'is required' : issue.message
    throw new UsageError(`--${String(field)} ${what}`)
  }
  return result.data
}

export async function runAdmin(argv: string[], deps: AdminCliDeps): Promise<ExitCode> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ;(name === undefined ? deps.err : deps.out)(adminUsage())
    return name === undefined ? 2 : 0
  }
  const spec = commands[name]
  if (!spec) {
    deps.err(`error: unknown command "${name}" (see --help)`)
    return 2
  }
  if (args.includes('--help') || args.includes('-h')) {
    deps.out(`Usage: npm run admin -- ${spec.usage}`)
    return 0
  }

  let store: Store | undefined
  try {
    const input = parseInput(spec, args)
    const config = loadConfig(deps.env)
    store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    await store.migrate()
    const now = (deps.now ?? Date.now)()
    await spec.run(store, input as never, { now, publicUrl: config.publicUrl, out: deps.out })
    return 0
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof StoreError) {
      deps.err(`error: ${error.message}`)
      return 2
    }
    deps.err(`error: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await store?.close()
  }
}

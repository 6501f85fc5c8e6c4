import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyPassword } from '../auth/index.ts'
import { openSqliteStore, SQLITE_FILE_NAME } from '../store/index.ts'
import { runAdmin } from './run-admin.ts'

let dir: string
let out: string[]
let err: string[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'openline-admin-'))
  out = []
  err = []
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const run = (...argv: string[]) =>
  runAdmin(argv, {
    env: { DATA_DIR: dir, PUBLIC_URL: 'https://chat.example.test' },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => 1_700_000_000_000,
  })

async function withStore<T>(fn: (store: ReturnType<typeof openSqliteStore>) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ path: join(dir, SQLITE_FILE_NAME) })
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

const idOf = (prefix: string) => out.find((l) => l.startsWith(prefix))?.split(/\s+/)[1] ?? ''

describe('npm run admin', () => {
  it('create-workspace stores the workspace, admin, line and widget and prints ids and the chat path', async () => {
    const code = await run(
      'create-workspace',
      '--name',
      'Acme',
      '--email',
      'Owner@Acme.test',
      '--password',
      'secret-pass',
    )
    expect(err).toEqual([])
    expect(code).toBe(0)
    const workspaceId = idOf('workspace')
    const widgetId = idOf('widget')
    expect(out.at(-1)).toMatch(/^public chat {2}https:\/\/chat\.example\.test\/chat\/[A-Za-z0-9_-]{12}$/)

    await withStore(async (store) => {
      expect(await store.getWorkspace(workspaceId)).toMatchObject({
        name: 'Acme',
        createdAt: 1_700_000_000_000,
      })
      const operator = await store.findOperatorByEmail('owner@acme.test')
      expect(operator).toMatchObject({ workspaceId, role: 'admin', name: 'Admin' })
      expect(await verifyPassword('secret-pass', operator!.passwordHash)).toBe(true)
      expect((await store.listLines(workspaceId)).map((l) => l.name)).toEqual(['General'])
      expect((await store.findWidget(widgetId))?.workspaceId).toBe(workspaceId)
    })
  })

  it('create-operator and create-line add to an existing workspace', async () => {
    await run('create-workspace', '--name', 'Acme', '--email', 'o@acme.test', '--password', 'secret-pass')
    const workspaceId = idOf('workspace')
    out = []
    const opCode = await run(
      'create-operator',
      '--workspace',
      workspaceId,
      '--email',
      'agent@acme.test',
      '--password',
      'agent-pass',
      '--name',
      'Agent',
    )
    expect(opCode).toBe(0)
    expect(out[0]).toMatch(/^operator {2}\S+ {2}agent@acme\.test \(operator\)$/)
    expect(await run('create-line', '--workspace', workspaceId, '--name', 'Sales')).toBe(0)
    await withStore(async (store) => {
      expect((await store.listOperators(workspaceId)).map((o) => o.email).sort()).toEqual([
        'agent@acme.test',
        'o@acme.test',
      ])
      expect((await store.listLines(workspaceId)).map((l) => l.name).sort()).toEqual(['General', 'Sales'])
    })
  })

  it('bad input: one-line error and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^Usage:/],
      [['launch-rockets'], /^error: unknown command "launch-rockets"/],
      [
        ['create-workspace', '--name', 'Acme', '--email', 'x@example.test'],
        /^error: --password is required$/,
      ],
      [
        ['create-workspace', '--name', 'A', '--email', 'nope', '--password', 'secret-pass'],
        /^error: --email /,
      ],
      [
        ['create-workspace', '--name', 'A', '--email', 'a@example.test', '--password', 'short'],
        /^error: --password at least 8/,
      ],
      [['create-workspace', '--bogus', 'x'], /^error: Unknown option '--bogus'/],
      [['create-line', '--workspace', 'missing', '--name', 'X'], /^error: no workspace with id missing$/],
      [
        [
          'create-operator',
          '--workspace',
          'w',
          '--email',
          'a@example.test',
          '--password',
          'secret-pass',
          '--name',
          'N',
          '--role',
          'boss',
        ],
        /^error: --role admin or operator$/,
      ],
    ]
    for (const [argv, message] of cases) {
      err = []
      expect(await run(...argv), argv.join(' ')).toBe(2)
      expect(err[0], argv.join(' ')).toMatch(message)
    }
  })

  it('a taken email is a conflict (exit 2), not a crash', async () => {
    await run('create-workspace', '--name', 'A', '--email', 'same@acme.test', '--password', 'secret-pass')
    err = []
    expect(
      await run('create-workspace', '--name', 'B', '--email', 'same@acme.test', '--password', 'secret-pass'),
    ).toBe(2)
    expect(err).toEqual(['error: An operator with this email already exists'])
  })

  it('a bad environment is reported in one line with exit code 2', async () => {
    const code = await runAdmin(['create-line', '--workspace', 'w', '--name', 'X'], {
      env: { DATA_DIR: dir, PORT: 'eighty' },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    })
    expect(code).toBe(2)
    expect(err).toEqual([expect.stringMatching(/^error: Invalid PORT="eighty"/)])
  })

  it('--help prints the usage with exit code 0', async () => {
    expect(await run('--help')).toBe(0)
    expect(out.join('\n')).toContain('create-operator --workspace W')
    out = []
    expect(await run('create-line', '--help')).toBe(0)
    expect(out).toEqual(['Usage: npm run admin -- create-line --workspace W --name N'])
  })
})

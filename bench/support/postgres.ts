/**
 * PostgreSQL runs get their own schema (other engineers' tests share the database), dropped at the
 * end. The server child has no schema setting, so it gets the schema through the connection
 * string's `options` (search_path); the bench migrates the schema first.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export function newBenchSchema(): string {
  return `bench_${randomBytes(6).toString('hex')}`
}

export function withSearchPath(connectionString: string, schema: string): string {
  const url = new URL(connectionString)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query(`drop schema if exists "${schema}" cascade`)
  } finally {
    await client.end()
  }
}

/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas with zod's own
 * `z.toJSONSchema()` (JSON Schema 2020-12, which OpenAPI 3.1 uses as-is).
 */
import { z } from 'zod'
import { SESSION_COOKIE } from '../auth/index.ts'
import { CSRF_HEADER } from './csrf.ts'
import { isStateChanging, pathParams, type RouteAuth, type RouteSpec } from './route-table.ts'
import { errorResponse } from './schemas.ts'

type JsonSchema = Record<string, unknown>

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  400: 'Invalid JSON, body or query',
  401: 'Not authenticated',
  403: 'Forbidden (CSRF, role or origin)',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Body is not application/json',
  429: 'Rate limited; see Retry-After',
  503: 'Unavailable',
}

type Security = Record<string, string[]>[]

function operatorSecurity(method: string): Security {
  return [isStateChanging(method) ? { session: [], csrf: [] } : { session: [] }]
}

const SECURITY: Record<RouteAuth, (method: string) => Security | undefined> = {
  public: () => undefined,
  'public-cors': () => undefined,
  visitor: () => [{ visitorToken: [] }],
  'admin-token': () => [{ adminToken: [] }],
  session: operatorSecurity,
  admin: operatorSecurity,
}

/** Error statuses every route with this kind of authentication can answer. */
const AUTH_ERRORS: Record<RouteAuth, number[]> = {
  public: [],
  'public-cors': [],
  visitor: [401],
  'admin-token': [401, 404],
  session: [401, 403],
  admin: [401, 403],
}

function jsonContent(schema: JsonSchema) {
  return { 'application/json': { schema } }
}

function operation(spec: RouteSpec) {
  const responses: Record<string, unknown> = {}
  for (const [status, schema] of Object.entries(spec.responses)) {
    const description = STATUS_TEXT[Number(status)] ?? 'Response'
    responses[status] =
      Number(status) === 204
        ? { description }
        : { description, content: jsonContent(schema ? toSchema(schema, 'output') : {}) }
  }
  const bodyErrors = spec.body ? [400, 413, 415] : []
  const errors = new Set([...AUTH_ERRORS[spec.auth], ...(spec.errors ?? []), ...bodyErrors])
  const errorSchema = toSchema(errorResponse, 'output')
  for (const status of [...errors].sort((a, b) => a - b)) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? 'Error',
      content: jsonContent(errorSchema),
    }
  }

  const parameters: unknown[] = pathParams(spec.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  if (spec.query) {
    const query = toSchema(spec.query, 'input') as {
      properties?: Record<string, JsonSchema>
      required?: string[]
    }
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema })
    }
  }

  const security = SECURITY[spec.auth](spec.method)
  return {
    operationId: spec.id,
    summary: spec.summary,
    tags: [spec.tag],
    ...(parameters.length > 0 && { parameters }),
    ...(spec.body && { requestBody: { required: true, content: jsonContent(toSchema(spec.body, 'input')) } }),
    ...(security && { security }),
    responses,
  }
}

export function buildOpenApiDocument(table: readonly RouteSpec[], info: { serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const spec of table) {
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
    paths[path] ??= {}
    paths[path][spec.method] = operation(spec)
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Openline API', version: '1' },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by POST /api/auth/login',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: CSRF_HEADER,
          description: 'The csrfToken of the session; required on state-changing requests',
        },
        visitorToken: { type: 'http', scheme: 'bearer', description: 'Issued by POST /api/visitors' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the installation' },
      },
    },
  }
}

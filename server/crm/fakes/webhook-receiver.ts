/**
 * A receiver of Openline's webhooks that does what Standard Webhooks asks of consumers: verify
 * the signature over the raw body within a 5-minute tolerance (401 otherwise) and treat
 * `webhook-id` as the idempotency key, so a redelivered event is acknowledged but not recorded
 * twice. It uses `verifyWebhookSignature`, the function documented for customers.
 */
import { randomBytes } from 'node:crypto'
import { verifyWebhookSignature } from '../webhook/index.ts'
import { readJson, startFakeServer } from './fake-server.ts'
import type { FakeControls, FakeReply, FakeRequest } from './fake-types.ts'

export interface ReceivedEvent {
  id: string
  timestamp: number
  signature: string
  body: string
  payload: { type: string; timestamp: string; data: Record<string, unknown> }
}

export interface WebhookReceiverOptions {
  /** Secrets the receiver accepts (during a rotation, old and new). */
  secrets: string[]
  toleranceSeconds?: number
  now?: () => number
}

export interface WebhookReceiver extends FakeControls {
  /** The endpoint address; its path and `key` query parameter stand in for a secret-bearing URL. */
  readonly endpoint: string
  /** Every verified delivery, redeliveries included. */
  deliveries(): ReceivedEvent[]
  /** Verified events, one per webhook-id. */
  events(): ReceivedEvent[]
}

const errorReply = (status: number): FakeReply => ({ status, body: { error: `injected ${status}` } })

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const path = `/hooks/${randomBytes(6).toString('hex')}`
  const key = randomBytes(12).toString('hex')
  const now = options.now ?? Date.now
  const deliveries: ReceivedEvent[] = []

  const handle = (request: FakeRequest): FakeReply => {
    if (request.path !== path || request.query.get('key') !== key)
      return { status: 404, body: { error: 'no such hook' } }
    if (request.method !== 'POST') return { status: 405, body: { error: 'POST only' } }
    const verified = verifyWebhookSignature(
      options.secrets,
      request.headers,
      request.body,
      now(),
      options.toleranceSeconds,
    )
    if (!verified.ok) return { status: 401, body: { error: verified.reason } }
    const payload = readJson(request.body)
    if (typeof payload !== 'object' || payload === null || !('type' in payload) || !('data' in payload)) {
      return { status: 400, body: { error: 'expected { type, timestamp, data }' } }
    }
    deliveries.push({
      id: verified.id,
      timestamp: verified.timestamp,
      signature: String(request.headers['webhook-signature']),
      body: request.body,
      payload: payload as ReceivedEvent['payload'],
    })
    return { status: 204 }
  }

  const server = await startFakeServer({ handle, errorReply, throttleReply: () => errorReply(429) })
  return {
    ...server,
    endpoint: `${server.url}${path}?key=${key}`,
    deliveries: () => structuredClone(deliveries),
    events: () =>
      structuredClone(
        deliveries.filter(
          (delivery, index) => deliveries.findIndex((first) => first.id === delivery.id) === index,
        ),
      ),
  }
}

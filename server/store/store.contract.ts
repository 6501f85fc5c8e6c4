import { afterAll, beforeAll, describe } from 'vitest'
import { accountsContract } from './contract/accounts.ts'
import { attachmentsContract } from './contract/attachments.ts'
import { callbacksContract } from './contract/callbacks.ts'
import { catalogContract } from './contract/catalog.ts'
import { conversationsContract } from './contract/conversations.ts'
import { crmConnectionsContract } from './contract/crm-connections.ts'
import { formsContract } from './contract/forms.ts'
import { lifecycleContract } from './contract/lifecycle.ts'
import { lineSweepContract } from './contract/line-sweep.ts'
import { lineUpdatesContract } from './contract/line-updates.ts'
import { messagesContract } from './contract/messages.ts'
import { operatorProfileContract } from './contract/operator-profile.ts'
// issue 6: the CRM outbox
import { outboxContract } from './contract/outbox.ts'
import { routingContract } from './contract/routing.ts'
import { teamworkContract } from './contract/teamwork.ts'
// issue 6, item 1: identified visitors
import { visitorIdentityContract } from './contract/visitor-identity.ts'
import { widgetUpdateContract } from './contract/widget-update.ts'
import type { Store } from './types.ts'

export interface StoreUnderTest {
  store: Store
  /** Closes the store and removes whatever the run created (file, schema). */
  cleanup: () => Promise<void>
}

/**
 * The one suite every Store implementation must pass (issue "Server core"). One store per suite,
 * migrated here; each test seeds its own workspaces, so tests never see each other's rows.
 */
export function runStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let current: StoreUnderTest | undefined
    const getStore = (): Store => {
      if (!current) throw new Error('store not opened')
      return current.store
    }

    beforeAll(async () => {
      current = await makeStore()
      await current.store.migrate()
    })
    afterAll(async () => {
      await current?.cleanup()
    })

    describe('lifecycle and settings', () => lifecycleContract(getStore))
    describe('workspaces, operators and sessions', () => accountsContract(getStore))
    describe('lines, widgets and visitors', () => catalogContract(getStore))
    describe('conversations and events', () => conversationsContract(getStore))
    describe('messages', () => messagesContract(getStore))
    describe('routing: assignment, presence and offers', () => routingContract(getStore))
    describe('line updates', () => lineUpdatesContract(getStore))
    describe('start-up routing sweep', () => lineSweepContract(getStore))
    describe('teamwork, rating and KPIs', () => teamworkContract(getStore))
    describe('CRM outbox', () => outboxContract(getStore))
    describe('widget updates', () => widgetUpdateContract(getStore))
    describe('operator profile (issue 3 audit)', () => operatorProfileContract(getStore))
    describe('CRM connections', () => crmConnectionsContract(getStore))
    describe('web forms', () => formsContract(getStore))
    describe('callback requests', () => callbacksContract(getStore))
    describe('attachments (issue 5, item 4)', () => attachmentsContract(getStore))
    describe('identified visitors (issue 6, item 1)', () => visitorIdentityContract(getStore))
  })
}

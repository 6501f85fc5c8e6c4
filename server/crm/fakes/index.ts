export {
  AMO_INCOMING_STATUS,
  type AmoCrmFake,
  type AmoCrmFakeOptions,
  startAmoCrmFake,
} from './amocrm-fake.ts'
export { type Bitrix24Fake, type Bitrix24FakeOptions, startBitrix24Fake } from './bitrix24-fake.ts'
export { bearer, readJson, startFakeServer } from './fake-server.ts'
export type {
  ChaosOptions,
  ChaosRates,
  FailureScript,
  FakeControls,
  FakeReply,
  FakeRequest,
  RecordedRequest,
} from './fake-types.ts'
export { type HubSpotFake, type HubSpotFakeOptions, startHubSpotFake } from './hubspot-fake.ts'
export { seededRandom } from './prng.ts'
export {
  type ReceivedEvent,
  startWebhookReceiver,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './webhook-receiver.ts'

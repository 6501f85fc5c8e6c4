/**
 * The demo a fresh install starts with (issue "Server core", item 9). Printed by `npm start` and
 * used by the README's quick start and by end-to-end tests; switch it off with DEMO=false.
 */
export const DEMO = {
  workspaceName: 'Demo Shop',
  operatorName: 'Dana Demo',
  email: 'demo@openline.local',
  password: 'openline-demo',
  lineName: 'General',
  widgetName: 'Demo site',
  slug: 'demo',
} as const

/**
 * Modules the service worker's first script (entrypoints/background.ts) must not carry: they are in
 * background-full.js, imported only when first used (lib/background/lazy-full.ts). The sync engine and every
 * CRM adapter, the reminders, and the handlers of every request that is not a page's own.
 */
export const ONLY_WHEN_USED = /^lib\/(sync\/(adapters\/|engine|run|outbox|http|oauth|rate-limit|background|handlers|salesforce-sign-in)|background\/(full|handlers|reminders|process-handlers)\.ts|data\/|health\/handlers)/;

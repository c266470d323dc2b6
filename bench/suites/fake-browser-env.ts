import { fakeBrowser } from '@webext-core/fake-browser';

// The sync bench runs the engine in Node: the store's settings live in the extension's storage, so give it
// the in-memory browser the unit tests use. Imported before anything that reads `browser`.
(globalThis as { chrome?: unknown }).chrome ??= fakeBrowser;

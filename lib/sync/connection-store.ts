import { browser } from 'wxt/browser';
import type { TouchlineDb } from '../db/database';
import { Connection } from './connection';

/**
 * Where the connected CRM lives, token included: the `secrets` table of the extension's own IndexedDB
 * (schema v8). A content script cannot open that database on any browser (IndexedDB opened there belongs to
 * mail.google.com or www.linkedin.com), whereas storage.local is readable by content scripts on Firefox and
 * before Chrome 140's `setAccessLevel`. Only the background reads it; pages get `connectionView` (no token).
 */
export interface SecretRow {
  key: 'connection';
  connection: Connection;
}

/** Where versions before schema v8 kept the connection (a @wxt-dev/storage item, `local:sync.connection`). */
export const LEGACY_CONNECTION_KEY = 'sync.connection';

const moved = new WeakMap<TouchlineDb, Promise<void>>();

/**
 * Moves a connection left in storage.local by an older Touchline into the database, then deletes it there.
 * The database is written first, so a crash in between leaves the token in both places and the next start
 * only deletes; it never loses the connection. Runs once per database per worker life, before any read.
 */
export function moveLegacyConnection(db: TouchlineDb): Promise<void> {
  let done = moved.get(db);
  if (!done) {
    done = (async () => {
      const legacy = (await browser.storage.local.get(LEGACY_CONNECTION_KEY))[LEGACY_CONNECTION_KEY];
      if (legacy === undefined) return;
      const parsed = Connection.safeParse(legacy);
      if (parsed.success) {
        await db.transaction('rw', db.secrets, async () => {
          if (!(await db.secrets.get('connection'))) await db.secrets.put({ key: 'connection', connection: parsed.data });
        });
      } else if (legacy !== null) {
        console.error('[touchline] an unreadable CRM connection was left in storage.local; connect the CRM again', parsed.error.issues);
      }
      // `$` is where @wxt-dev/storage keeps an item's metadata.
      await browser.storage.local.remove([LEGACY_CONNECTION_KEY, `${LEGACY_CONNECTION_KEY}$`]);
    })();
    // A failed move (storage unavailable) is tried again on the next read rather than remembered.
    done.catch(() => moved.delete(db));
    moved.set(db, done);
  }
  return done;
}

/** The connected CRM, or null. */
export async function readConnection(db: TouchlineDb): Promise<Connection | null> {
  await moveLegacyConnection(db);
  return (await db.secrets.get('connection'))?.connection ?? null;
}

/**
 * Stores (or, with null, forgets) the connection; joins the caller's transaction when it includes `secrets`.
 * Read the connection first (`readConnection`), outside any transaction, so a legacy copy is moved before it.
 */
export async function writeConnection(db: TouchlineDb, conn: Connection | null): Promise<void> {
  if (conn) await db.secrets.put({ key: 'connection', connection: conn });
  else await db.secrets.delete('connection');
}

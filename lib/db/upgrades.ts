import type { Transaction } from 'dexie';
import { newId } from '../model/ids';
import type { Prospect } from '../model/prospect';

/** v2: every prospect with a company name gets a Company row (keyed by its email domain when it has one). */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const companies = tx.table('companies');
  const byKey = new Map<string, string>();
  await tx
    .table('prospects')
    .toCollection()
    .modify((p: Prospect) => {
      if (!p.company) return;
      const domain = p.emails[0]?.split('@')[1];
      const key = domain ?? p.company.toLowerCase();
      let id = byKey.get(key);
      if (!id) {
        id = newId();
        byKey.set(key, id);
        const now = Date.now();
        void companies.add({ id, name: p.company, domain, createdAt: now, updatedAt: now });
      }
      p.companyId = id;
    });
}

/** Upgrade functions by the version they upgrade to. */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  2: upgradeToV2,
};

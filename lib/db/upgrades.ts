import type { Transaction } from 'dexie';
import { newId } from '../model/ids';
import type { Prospect } from '../model/prospect';
import type { Touch } from '../model/touch';
import type { Engagement } from '../process/scoring';
import { countTouch } from '../process/engagement';
import { searchTokens } from '../search/tokens';

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

/** v3: per-prospect touch figures for the lead score, counted once from the touches already logged. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const figures = new Map<string, Engagement>();
  await tx
    .table('touches')
    .toCollection()
    .each((t: Touch) => {
      const e = figures.get(t.prospectId) ?? { prospectId: t.prospectId, touches: 0, replies: 0 };
      countTouch(e, t);
      figures.set(t.prospectId, e);
    });
  await tx.table('engagement').bulkPut([...figures.values()]);
}

/** v9: every prospect gets the search tokens the home page's search reads (kept on every write after this). */
export async function upgradeToV9(tx: Transaction): Promise<void> {
  await tx
    .table('prospects')
    .toCollection()
    .modify((p: Prospect) => {
      p.searchTokens = searchTokens(p);
    });
}

/** Upgrade functions by the version they upgrade to. */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  2: upgradeToV2,
  3: upgradeToV3,
  9: upgradeToV9,
};

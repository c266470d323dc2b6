import type { TouchlineDb } from '../db/database';
import type { Handlers } from '../messaging/router';
import type { Scope } from '../messaging/define';
import type { SenderFacts } from '../messaging/sender';
import { addProspect, findProspects, getProspect, listProspects, updateProspect } from '../store/prospects';
import { moveStage, stageHistory } from '../store/stages';
import { logTouch, touchesOf } from '../store/touches';
import { logTouches } from '../store/touch-batch';
import { addProspects } from '../store/bulk';
import { findSamePerson, mergeProspects, undoMerge } from '../store/merge';
import { attachToCompany, saveCompanyPage } from '../store/company-pages';
import { loadSettings, saveSettings, sidebarOpenItem } from '../settings/settings-store';
import { rescoreAll, rescoreProspect, reweighAll } from '../store/scores';
import { PAGE_PEOPLE_MAX } from '../messaging/limits';
import { afterTouchesMoved, processHandlers } from './process-handlers';
import { scoringChange } from '../process/scoring';
import { syncHandlers } from '../sync/handlers';
import { pageHandlers } from './page-handlers';

/** How many other records of one person a page is offered (a content script gets a short list, not a search). */
const SAME_PERSON_MAX = 5;

export interface HandlerContext {
  db: TouchlineDb;
  sender: SenderFacts;
  /** Who sent the request (checked by the router from the browser's sender facts). */
  scope: Scope;
  /** Tells open sidebars and pages that data changed; `ids` names the prospects when the handler knows them. */
  changed: (ids?: string[]) => void;
  /** A content script opened a new document: what its tab was shown before no longer counts. */
  resetPage?: () => Promise<void>;
}

/** One handler per request in lib/messaging/contract.ts; payloads arrive already validated. */
export const handlers: Handlers<HandlerContext> = {
  'settings.get': () => loadSettings(),
  'settings.save': async (settings, { db, changed }) => {
    const before = await loadSettings();
    const saved = await saveSettings(settings);
    // A new weight, profile or framework changes everyone's score.
    const change = scoringChange(before, saved);
    if (change === 'full') await rescoreAll(db, saved);
    if (change === 'reweigh') await reweighAll(db, saved);
    changed();
    return saved;
  },
  'ui.sidebarOpen.get': () => sidebarOpenItem.getValue(),
  'ui.sidebarOpen.set': async ({ open }) => {
    await sidebarOpenItem.setValue(open);
    return open;
  },
  ...pageHandlers,
  'people.lookup': ({ people }, { db }) => findProspects(db, people),
  'prospect.add': async (input, { db, changed }) => {
    const settings = await loadSettings();
    const result = await addProspect(db, input, settings);
    if (result.created) {
      await rescoreProspect(db, result.prospect.id, settings);
      changed();
    }
    return result;
  },
  'prospect.get': async ({ id }, { db }) => ({
    prospect: await getProspect(db, id),
    touches: await touchesOf(db, id),
    stageChanges: await stageHistory(db, id),
  }),
  'prospect.update': async ({ id, patch }, { db, changed }) => {
    const p = await updateProspect(db, id, patch);
    changed();
    return p;
  },
  'prospect.list': ({ limit }, { db }) => listProspects(db, limit),
  'stage.move': async ({ prospectId, stageId, reason, lossReason }, { db, changed }) => {
    const result = await moveStage(db, prospectId, stageId, await loadSettings(), { reason, lossReason });
    changed();
    return result;
  },
  'touch.log': async (input, { db, changed }) => {
    const result = await logTouch(db, input);
    if (result.created) {
      await rescoreProspect(db, input.prospectId, await loadSettings());
      changed();
    }
    return result;
  },
  ...processHandlers,
  'touch.logMany': async ({ touches }, { db, changed }) => {
    const result = await logTouches(db, touches);
    if (result.created) {
      const settings = await loadSettings();
      for (const id of new Set(touches.map((t) => t.prospectId))) await rescoreProspect(db, id, settings);
      changed();
    }
    return result;
  },
  'prospect.addMany': async ({ people }, { db, changed }) => {
    const results = await addProspects(db, people, await loadSettings());
    if (results.some((r) => r.created)) changed();
    return results;
  },
  'prospect.samePerson': async ({ person, excludeId }, { db }) =>
    (await findSamePerson(db, person, excludeId)).slice(0, SAME_PERSON_MAX).map(({ prospect: p, reason }) => ({
      prospect: { id: p.id, name: p.name, emails: p.emails.slice(0, 1), createdAt: p.createdAt },
      reason,
    })),
  'prospect.merge': async ({ keepId, mergeId }, { db, changed }) => {
    const { prospect, merge } = await mergeProspects(db, keepId, mergeId);
    await afterTouchesMoved(db, [keepId]);
    changed();
    return { prospect, mergeId: merge.id };
  },
  'prospect.unmerge': async ({ mergeId }, { db, changed }) => {
    const result = await undoMerge(db, mergeId);
    await afterTouchesMoved(db, [result.kept.id, result.restored.id]);
    changed();
    return result;
  },
  'company.savePage': async (facts, { db, changed }) => {
    const result = await saveCompanyPage(db, facts);
    if (result.created) changed();
    return { ...result, attachable: result.attachable.slice(0, PAGE_PEOPLE_MAX).map((p) => ({ id: p.id, name: p.name })) };
  },
  'company.attach': async ({ companyId, prospectIds }, { db, changed }) => {
    const count = await attachToCompany(db, companyId, prospectIds);
    changed();
    return count;
  },
  ...syncHandlers,
};

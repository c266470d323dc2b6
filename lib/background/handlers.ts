import type { TouchlineDb } from '../db/database';
import type { Handlers } from '../messaging/router';
import type { Scope } from '../messaging/define';
import { PAGE_PEOPLE_MAX } from '../messaging/limits';
import type { SenderFacts } from '../messaging/sender';
import { addProspect, findProspects, getProspect, listProspects, updateProspect } from '../store/prospects';
import { moveStage, stageHistory } from '../store/stages';
import { logTouch, touchesOf } from '../store/touches';
import { logTouches } from '../store/touch-batch';
import { deleteTouch, restoreTouch } from '../store/touch-edits';
import { setIdentity } from '../store/identity-edits';
import { openHome } from './open-home';
import { recordPath } from '../home/record-path';
import { addProspects } from '../store/bulk';
import { addTag, moveStages, previewMoves, startCadences } from '../store/bulk-actions';
import { localTimeZone } from '../process/time-zone';
import { findSamePerson, mergeProspects, undoMerge } from '../store/merge';
import { attachToCompany, saveCompanyPage } from '../store/company-pages';
import { loadSettings, saveSettings, sidebarOpenItem } from '../settings/settings-store';
import { rescoreAll, reweighAll } from '../store/scores';
import { processHandlers } from './process-handlers';
import { scoringChange } from '../process/scoring';
import { syncHandlers } from '../sync/handlers';
import { healthHandlers } from '../health/handlers';
import { pageHandlers } from './page-handlers';

/** How many other records of one person a page is offered (a content script gets a short list, not a search). */
const SAME_PERSON_MAX = 5;

export interface HandlerContext {
  db: TouchlineDb;
  sender: SenderFacts;
  /** Who sent the request (checked by the router from the browser's sender facts). */
  scope: Scope;
  /** A content script opened a new document: what its tab was shown before no longer counts. */
  resetPage?: () => Promise<void>;
  /**
   * Tells open sidebars and pages that something outside the records changed (settings, the CRM connection).
   * Writes to the records announce themselves: every unit of work reports its prospect ids when it commits
   * (lib/store/unit-of-work.ts, `onCommitted`), and scores, engagement, due counts and the outbox follow it.
   */
  changed: () => void;
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
  'prospect.add': async (input, { db }) => addProspect(db, input, await loadSettings()),
  'prospect.get': async ({ id }, { db }) => ({
    prospect: await getProspect(db, id),
    touches: await touchesOf(db, id),
    stageChanges: await stageHistory(db, id),
  }),
  'prospect.update': ({ id, patch }, { db }) => updateProspect(db, id, patch),
  'prospect.list': ({ limit }, { db }) => listProspects(db, limit),
  'stage.move': async ({ prospectId, stageId, reason, lossReason }, { db }) =>
    moveStage(db, prospectId, stageId, await loadSettings(), { reason, lossReason }),
  'touch.log': (input, { db }) => logTouch(db, input),
  'touch.delete': ({ touchId }, { db }) => deleteTouch(db, touchId),
  'touch.restore': ({ touch }, { db }) => restoreTouch(db, touch),
  'prospect.setIdentity': async ({ id, emails, linkedinUrl }, { db, changed }) => {
    const p = await setIdentity(db, id, { emails, linkedinUrl });
    changed();
    return p;
  },
  'record.open': async ({ prospectId }, { db }) => {
    await getProspect(db, prospectId);
    await openHome(`#${recordPath(prospectId)}`);
    return { ok: true as const };
  },
  'stage.previewMany': async ({ prospectIds, stageId }, { db }) => previewMoves(db, prospectIds, stageId, await loadSettings()),
  'stage.moveMany': async ({ prospectIds, stageId, reason, lossReason }, { db }) =>
    moveStages(db, prospectIds, stageId, await loadSettings(), { reason, lossReason }),
  'tags.addMany': ({ prospectIds, tag }, { db }) => addTag(db, prospectIds, tag),
  'cadence.startMany': async ({ prospectIds, cadenceId }, { db }) => {
    const { started, skipped } = await startCadences(db, prospectIds, cadenceId, await loadSettings(), { now: Date.now(), timeZone: localTimeZone() });
    return { started: started.length, skipped };
  },
  ...processHandlers,
  'touch.logMany': ({ touches }, { db }) => logTouches(db, touches),
  'prospect.addMany': async ({ people }, { db }) => addProspects(db, people, await loadSettings()),
  'prospect.samePerson': async ({ person, excludeId }, { db }) =>
    (await findSamePerson(db, person, excludeId)).slice(0, SAME_PERSON_MAX).map(({ prospect: p, reason }) => ({
      prospect: { id: p.id, name: p.name, emails: p.emails.slice(0, 1), createdAt: p.createdAt },
      reason,
    })),
  'prospect.merge': async ({ keepId, mergeId }, { db }) => {
    const { prospect, merge } = await mergeProspects(db, keepId, mergeId);
    return { prospect, mergeId: merge.id };
  },
  'prospect.unmerge': ({ mergeId }, { db }) => undoMerge(db, mergeId),
  'company.savePage': async (facts, { db }) => {
    const result = await saveCompanyPage(db, facts);
    return { ...result, attachable: result.attachable.slice(0, PAGE_PEOPLE_MAX).map((p) => ({ id: p.id, name: p.name })) };
  },
  'company.attach': ({ companyId, prospectIds }, { db }) => attachToCompany(db, companyId, prospectIds),
  ...syncHandlers,
  ...healthHandlers,
};

import type { TouchlineDb } from '../db/database';
import type { PersonView } from '../messaging/contract';
import type { Scope } from '../messaging/define';
import type { Handlers } from '../messaging/router';
import type { Touch, TouchChannel } from '../model';
import { loadSettings, sidebarOpenItem, siteThemeItem } from '../settings/settings-store';
import { findProspects } from '../store/prospects';
import { stageHistory } from '../store/stages';
import { touchesOf } from '../store/touches';
import { prospectSyncStates } from '../sync/sync-states';
import type { HandlerContext } from './handlers';
import { processView } from '../store/process-view';

/** Channels whose text belongs to one site: the other site's script sees that the touch happened, not what it said. */
const SITE_CHANNELS: Record<'gmail' | 'linkedin', readonly TouchChannel[]> = {
  gmail: ['email'],
  linkedin: ['linkedin-message', 'linkedin-connection', 'inmail', 'linkedin-engagement'],
};

/** A touch as `scope` may see it: Gmail subjects and snippets stay off LinkedIn, LinkedIn messages off Gmail. */
export function touchFor(scope: Scope, t: Touch): Touch {
  if (scope === 'extension') return t;
  const other = scope === 'gmail' ? SITE_CHANNELS.linkedin : SITE_CHANNELS.gmail;
  if (!other.includes(t.channel)) return t;
  const { subject: _subject, summary: _summary, ...rest } = t;
  return rest;
}

async function personView(db: TouchlineDb, scope: Scope, prospect: NonNullable<Awaited<ReturnType<typeof findProspects>>[number]>, settings: Awaited<ReturnType<typeof loadSettings>>, sync: PersonView['sync']): Promise<PersonView> {
  const [touches, stageChanges, process] = await Promise.all([touchesOf(db, prospect.id), stageHistory(db, prospect.id), processView(db, prospect, settings)]);
  return { prospect, touches: touches.map((t) => touchFor(scope, t)), stageChanges, process, sync };
}

type PageRequest = 'page.open' | 'page.people' | 'inbox.stages' | 'ui.theme.set';
const siteOf = (scope: Scope) => (scope === 'gmail' || scope === 'linkedin' ? scope : null);

/** What a page's content script asks for: its first answer, and everything its sidebar shows, in one request each. */
export const pageHandlers: Pick<Handlers<HandlerContext>, PageRequest> = {
  'page.open': async (_, { resetPage, scope }) => {
    const [settings, open, themes] = await Promise.all([loadSettings(), sidebarOpenItem.getValue(), siteThemeItem.getValue(), resetPage?.()]);
    const site = siteOf(scope);
    return { settings, open, theme: (site && themes[site]) || null };
  },
  'ui.theme.set': async ({ theme }, { scope }) => {
    const site = siteOf(scope);
    if (site) await siteThemeItem.setValue({ ...(await siteThemeItem.getValue()), [site]: theme });
    return { ok: true as const };
  },
  'page.people': async ({ people }, { db, scope }) => {
    const found = await findProspects(db, people);
    const known = found.filter((p) => p !== null);
    if (known.length === 0) return found.map(() => null);
    const [settings, syncStates] = await Promise.all([loadSettings(), prospectSyncStates(db, known.map((p) => p.id))]);
    const syncOf = new Map(syncStates.map((s) => [s.prospectId, s]));
    return Promise.all(found.map((p) => (p ? personView(db, scope, p, settings, syncOf.get(p.id) ?? { prospectId: p.id, state: 'off' }) : null)));
  },
  'inbox.stages': async ({ emails }, { db }) => (await findProspects(db, emails.map((e) => ({ emails: [e] })))).map((p) => p?.stageId ?? null),
};

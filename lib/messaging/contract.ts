import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { Company, LinkedInUrl, NewProspect, NewTouch, Prospect, ProspectPatch, QualificationAnswer, SitePageUrl, StageChange, Task, Touch } from '../model';
import { CadenceRun } from '../process/cadence';
import { DueListView, MoveCheckView, ProcessView } from '../process/views';
import { Settings } from '../settings/settings';
import { defineRequest, type Disclosed, type Scope } from './define';
import { BULK_MAX, PAGE_PEOPLE_MAX } from './limits';
import { SYNC_REQUESTS } from '../sync/contract';
import { HEALTH_REQUESTS } from '../health/contract';
import { ProspectSyncState } from '../sync/types';

// Lookups accept any address-looking string: one odd address on a page must not blank the whole sidebar.
const PersonKey = lazySchema(() =>
  z.object({
    emails: z.array(z.string().min(3).max(320).includes('@')).max(20).optional(),
    linkedinUrl: z.string().url().max(2048).optional(),
    linkedinIds: z.array(z.string().min(1).max(200)).max(10).optional(),
  }),
);
const Id = lazySchema(() => z.string().min(1).max(100));

/** The content scripts of both sites; a site-specific request lists one of them. */
const SITES: readonly Scope[] = ['gmail', 'linkedin'];
const PAGES_AND_SITES: readonly Scope[] = ['extension', 'gmail', 'linkedin'];

const one = (p: Prospect): Disclosed => ({ id: p.id, emails: p.emails, linkedinUrl: p.linkedinUrl, linkedinIds: p.linkedinIds });
const prospect = (id: string) => ({ prospects: [id] });

/** What a content script may see of a prospect that is not on its page: enough to name it. */
export const ProspectSummary = lazySchema(() => Prospect.pick({ id: true, name: true, emails: true, createdAt: true }));
export type ProspectSummary = z.infer<typeof ProspectSummary>;

/** One person on the page as the sidebar shows them: the record, its history, process view and sync state. */
export const PersonView = lazySchema(() =>
  z.object({
    prospect: Prospect,
    touches: z.array(Touch),
    stageChanges: z.array(StageChange),
    process: ProcessView,
    sync: ProspectSyncState,
  }),
);
export type PersonView = z.infer<typeof PersonView>;

export const ProspectDetail = lazySchema(() =>
  z.object({
    prospect: Prospect,
    touches: z.array(Touch),
    stageChanges: z.array(StageChange),
  }),
);
export type ProspectDetail = z.infer<typeof ProspectDetail>;

/** Every request the background answers, declared once. The key is the message `type`. */
export const REQUESTS = {
  'settings.get': defineRequest(() => ({ from: PAGES_AND_SITES, request: z.object({}), response: Settings })),
  'settings.save': defineRequest(() => ({ audience: 'extension', request: Settings, response: Settings })),
  'ui.sidebarOpen.get': defineRequest(() => ({ from: PAGES_AND_SITES, request: z.object({}), response: z.boolean() })),
  'ui.sidebarOpen.set': defineRequest(() => ({ from: PAGES_AND_SITES, request: z.object({ open: z.boolean() }), response: z.boolean() })),
  // A content script's first request on a new document: what it needs to detect and paint, in one answer.
  'page.open': defineRequest(() => ({
    from: SITES,
    request: z.object({}),
    response: z.object({ settings: Settings, open: z.boolean(), theme: z.enum(['light', 'dark']).nullable() }),
  })),
  // The site's appearance as the sidebar found it after its first paint (for the next page's first paint).
  'ui.theme.set': defineRequest(() => ({ from: SITES, request: z.object({ theme: z.enum(['light', 'dark']) }), response: z.object({ ok: z.literal(true) }) })),
  // Everything the sidebar shows for the people on its page, in one request (not one per person).
  'page.people': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ people: z.array(PersonKey).max(PAGE_PEOPLE_MAX) }),
    response: z.array(PersonView.nullable()),
    discloses: (views) => views.flatMap((v) => (v ? [one(v.prospect)] : [])),
  })),
  // Gmail's list rows: the stage of each address, nothing else about the person.
  'inbox.stages': defineRequest(() => ({
    from: ['extension', 'gmail'],
    request: z.object({ emails: z.array(z.string().min(3).max(320).includes('@')).max(200) }),
    response: z.array(z.string().nullable()),
  })),
  'people.lookup': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ people: z.array(PersonKey).max(500) }),
    response: z.array(Prospect.nullable()),
  })),
  'prospect.add': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: NewProspect,
    response: z.object({ prospect: Prospect, created: z.boolean() }),
    discloses: (r) => [one(r.prospect)],
  })),
  'prospect.get': defineRequest(() => ({ audience: 'extension', request: z.object({ id: Id }), response: ProspectDetail })),
  'prospect.update': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ id: Id, patch: ProspectPatch }),
    response: Prospect,
    names: (p) => prospect(p.id),
  })),
  'prospect.list': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ limit: z.number().int().min(1).max(10000).optional() }),
    response: z.array(Prospect),
  })),
  'stage.move': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ prospectId: Id, stageId: Id, reason: z.string().max(2000).optional(), lossReason: z.string().max(100).optional() }),
    response: z.object({ prospect: Prospect, change: StageChange.nullable() }),
    names: (p) => prospect(p.prospectId),
  })),
  'touch.log': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: NewTouch,
    response: z.object({ touch: Touch, created: z.boolean() }),
    names: (p) => prospect(p.prospectId),
  })),
  // The prospect record (issue 14): a touch or note deleted there can be put back; identity edited there.
  'touch.delete': defineRequest(() => ({ audience: 'extension', request: z.object({ touchId: Id }), response: Touch })),
  'touch.restore': defineRequest(() => ({ audience: 'extension', request: z.object({ touch: Touch }), response: Touch })),
  'prospect.setIdentity': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ id: Id, emails: z.array(z.string().max(320)).max(20), linkedinUrl: z.string().max(2048).optional() }),
    response: Prospect,
    // The new addresses are announced, so a tab showing this person by one of them finds them known.
    discloses: (p) => [one(p)],
  })),
  // The sidebar's "Open record": opens (or brings forward) the home page on this prospect.
  'record.open': defineRequest(() => ({ from: SITES, request: z.object({ prospectId: Id }), response: z.object({ ok: z.literal(true) }), names: (p) => prospect(p.prospectId) })),
  // The home's list (issue 14 §2): one action on a selection, by the same rules, a page of BULK_MAX at a time.
  'stage.previewMany': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ prospectIds: z.array(Id).min(1).max(BULK_MAX), stageId: Id }),
    response: MoveCheckView.extend({ moving: z.number().int() }),
  })),
  'stage.moveMany': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ prospectIds: z.array(Id).min(1).max(BULK_MAX), stageId: Id, reason: z.string().max(2000).optional(), lossReason: z.string().max(100).optional() }),
    response: z.object({ moved: z.number().int() }),
  })),
  'tags.addMany': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ prospectIds: z.array(Id).min(1).max(BULK_MAX), tag: z.string().trim().min(1).max(60) }),
    response: z.object({ tagged: z.number().int() }),
  })),
  'cadence.startMany': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ prospectIds: z.array(Id).min(1).max(BULK_MAX), cadenceId: Id }),
    response: z.object({ started: z.number().int(), skipped: z.number().int() }),
  })),
  // Sales process (issue 5): qualification, score, exit criteria, stage rules, follow-ups, cadences.
  'process.get': defineRequest(() => ({ from: PAGES_AND_SITES, request: z.object({ prospectId: Id }), response: ProcessView, names: (p) => prospect(p.prospectId) })),
  'qualification.set': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ prospectId: Id, questionId: z.string().min(1).max(40), answer: QualificationAnswer }),
    response: Prospect,
    names: (p) => prospect(p.prospectId),
  })),
  'criteria.tick': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ prospectId: Id, stageId: Id, criterionId: z.string().min(1).max(60), ticked: z.boolean() }),
    response: z.object({ ok: z.literal(true) }),
    names: (p) => prospect(p.prospectId),
  })),
  'stage.preview': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ prospectId: Id, stageId: Id }),
    response: MoveCheckView,
    names: (p) => prospect(p.prospectId),
  })),
  'nextStep.set': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ prospectId: Id, text: z.string().max(500), due: z.number().optional(), url: SitePageUrl.optional() }),
    response: Prospect,
    names: (p) => prospect(p.prospectId),
  })),
  'cadence.start': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ prospectId: Id, cadenceId: Id, url: SitePageUrl.optional() }),
    response: CadenceRun,
    names: (p) => prospect(p.prospectId),
  })),
  'cadence.resume': defineRequest(() => ({ from: PAGES_AND_SITES, request: z.object({ runId: Id }), response: CadenceRun, names: (p) => ({ runs: [p.runId] }) })),
  'task.done': defineRequest(() => ({ from: PAGES_AND_SITES, request: z.object({ taskId: Id }), response: Task, names: (p) => ({ tasks: [p.taskId] }) })),
  'task.snooze': defineRequest(() => ({ from: PAGES_AND_SITES, request: z.object({ taskId: Id }), response: Task, names: (p) => ({ tasks: [p.taskId] }) })),
  'tasks.due': defineRequest(() => ({ audience: 'extension', request: z.object({}), response: DueListView })),
  // Issue 3 (Gmail): log a message to each known prospect in it, or a whole thread, in one request.
  'touch.logMany': defineRequest(() => ({
    from: PAGES_AND_SITES,
    request: z.object({ touches: z.array(NewTouch).min(1).max(500) }),
    response: z.object({ created: z.number().int(), touches: z.array(Touch) }),
    names: (p) => ({ prospects: [...new Set(p.touches.map((t) => t.prospectId))] }),
  })),
  // LinkedIn (issue 4): bulk capture, and one person's two identities merged (and unmerged).
  'prospect.addMany': defineRequest(() => ({
    from: ['extension', 'linkedin'],
    request: z.object({ people: z.array(NewProspect).min(1).max(PAGE_PEOPLE_MAX) }),
    response: z.array(z.object({ prospect: Prospect, created: z.boolean() })),
    discloses: (rs) => rs.map((r) => one(r.prospect)),
  })),
  // Another record of the person on the page (by email, or same name at the same company): a short list.
  'prospect.samePerson': defineRequest(() => ({
    from: ['extension', 'linkedin'],
    request: z.object({
      person: z.object({
        name: z.string().max(300).nullable(),
        company: z.string().max(300).optional(),
        emails: z.array(z.string().min(3).max(320).includes('@')).max(20),
        linkedinUrl: z.string().url().max(2048).optional(),
      }),
      excludeId: Id.optional(),
    }),
    response: z.array(z.object({ prospect: ProspectSummary, reason: z.enum(['email', 'name-company']) })),
    names: (p) => ({ prospects: p.excludeId ? [p.excludeId] : [] }),
    discloses: (rs) => rs.map((r) => ({ id: r.prospect.id })),
  })),
  'prospect.merge': defineRequest(() => ({
    from: ['extension', 'linkedin'],
    request: z.object({ keepId: Id, mergeId: Id }),
    response: z.object({ prospect: Prospect, mergeId: Id }),
    names: (p) => ({ prospects: [p.keepId, p.mergeId] }),
  })),
  'prospect.unmerge': defineRequest(() => ({
    from: ['extension', 'linkedin'],
    request: z.object({ mergeId: Id }),
    response: z.object({ kept: Prospect, restored: Prospect }),
    names: (p) => ({ merges: [p.mergeId] }),
    discloses: (r) => [one(r.kept), one(r.restored)],
  })),
  // A company page: the people it could take are named, not handed over as records.
  'company.savePage': defineRequest(() => ({
    from: ['extension', 'linkedin'],
    request: z.object({ name: z.string().min(1).max(300), linkedinUrl: LinkedInUrl, website: z.string().url().max(2048).optional() }),
    response: z.object({ company: Company, created: z.boolean(), attachable: z.array(ProspectSummary.pick({ id: true, name: true })).max(PAGE_PEOPLE_MAX) }),
    discloses: (r) => r.attachable.map((p) => ({ id: p.id })),
  })),
  'company.attach': defineRequest(() => ({
    from: ['extension', 'linkedin'],
    request: z.object({ companyId: Id, prospectIds: z.array(Id).min(1).max(PAGE_PEOPLE_MAX) }),
    response: z.number().int(),
    names: (p) => ({ prospects: p.prospectIds }),
  })),
  ...SYNC_REQUESTS,
  ...HEALTH_REQUESTS,
} as const;

export type Requests = typeof REQUESTS;
export type RequestType = keyof Requests;
export type RequestOf<K extends RequestType> = z.input<Requests[K]['request']>;
export type ParsedRequestOf<K extends RequestType> = z.output<Requests[K]['request']>;
export type ResponseOf<K extends RequestType> = z.output<Requests[K]['response']>;

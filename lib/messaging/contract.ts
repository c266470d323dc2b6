import { z } from 'zod';
import { Company, NewProspect, NewTouch, Prospect, ProspectPatch, QualificationAnswer, StageChange, Task, Touch } from '../model';
import { CadenceRun } from '../process/cadence';
import { DueListView, MoveCheckView, ProcessView } from '../process/views';
import { Settings } from '../settings/settings';
import { defineRequest } from './define';
import { SYNC_REQUESTS } from '../sync/contract';

// Lookups accept any address-looking string: one odd address on a page must not blank the whole sidebar.
const PersonKey = z.object({
  emails: z.array(z.string().min(3).max(320).includes('@')).max(20).optional(),
  linkedinUrl: z.string().url().max(2048).optional(),
  linkedinIds: z.array(z.string().min(1).max(200)).max(10).optional(),
});
const Id = z.string().min(1).max(100);

export const ProspectDetail = z.object({
  prospect: Prospect,
  touches: z.array(Touch),
  stageChanges: z.array(StageChange),
});
export type ProspectDetail = z.infer<typeof ProspectDetail>;

/** Every request the background answers, declared once. The key is the message `type`. */
export const REQUESTS = {
  'settings.get': defineRequest({ audience: 'content', request: z.object({}), response: Settings }),
  'settings.save': defineRequest({ audience: 'extension', request: Settings, response: Settings }),
  'ui.sidebarOpen.get': defineRequest({ audience: 'content', request: z.object({}), response: z.boolean() }),
  'ui.sidebarOpen.set': defineRequest({ audience: 'content', request: z.object({ open: z.boolean() }), response: z.boolean() }),
  'people.lookup': defineRequest({
    audience: 'content',
    request: z.object({ people: z.array(PersonKey).max(500) }),
    response: z.array(Prospect.nullable()),
  }),
  'prospect.add': defineRequest({
    audience: 'content',
    request: NewProspect,
    response: z.object({ prospect: Prospect, created: z.boolean() }),
  }),
  'prospect.get': defineRequest({ audience: 'content', request: z.object({ id: Id }), response: ProspectDetail }),
  'prospect.update': defineRequest({
    audience: 'content',
    request: z.object({ id: Id, patch: ProspectPatch }),
    response: Prospect,
  }),
  'prospect.list': defineRequest({
    audience: 'extension',
    request: z.object({ limit: z.number().int().min(1).max(10000).optional() }),
    response: z.array(Prospect),
  }),
  'stage.move': defineRequest({
    audience: 'content',
    request: z.object({ prospectId: Id, stageId: Id, reason: z.string().max(2000).optional(), lossReason: z.string().max(100).optional() }),
    response: z.object({ prospect: Prospect, change: StageChange.nullable() }),
  }),
  'touch.log': defineRequest({
    audience: 'content',
    request: NewTouch,
    response: z.object({ touch: Touch, created: z.boolean() }),
  }),
  // Sales process (issue 5): qualification, score, exit criteria, stage rules, follow-ups, cadences.
  'process.get': defineRequest({ audience: 'content', request: z.object({ prospectId: Id }), response: ProcessView }),
  'qualification.set': defineRequest({
    audience: 'content',
    request: z.object({ prospectId: Id, questionId: z.string().min(1).max(40), answer: QualificationAnswer }),
    response: Prospect,
  }),
  'criteria.tick': defineRequest({
    audience: 'content',
    request: z.object({ prospectId: Id, stageId: Id, criterionId: z.string().min(1).max(60), ticked: z.boolean() }),
    response: z.object({ ok: z.literal(true) }),
  }),
  'stage.preview': defineRequest({ audience: 'content', request: z.object({ prospectId: Id, stageId: Id }), response: MoveCheckView }),
  'nextStep.set': defineRequest({
    audience: 'content',
    request: z.object({ prospectId: Id, text: z.string().max(500), due: z.number().optional(), url: z.string().url().max(2048).optional() }),
    response: Prospect,
  }),
  'cadence.start': defineRequest({
    audience: 'content',
    request: z.object({ prospectId: Id, cadenceId: Id, url: z.string().url().max(2048).optional() }),
    response: CadenceRun,
  }),
  'cadence.resume': defineRequest({ audience: 'content', request: z.object({ runId: Id }), response: CadenceRun }),
  'task.done': defineRequest({ audience: 'content', request: z.object({ taskId: Id }), response: Task }),
  'task.snooze': defineRequest({ audience: 'content', request: z.object({ taskId: Id }), response: Task }),
  'tasks.due': defineRequest({ audience: 'extension', request: z.object({}), response: DueListView }),
  // Issue 3 (Gmail): log a message to each known prospect in it, or a whole thread, in one request.
  'touch.logMany': defineRequest({
    audience: 'content',
    request: z.object({ touches: z.array(NewTouch).min(1).max(500) }),
    response: z.object({ created: z.number().int(), touches: z.array(Touch) }),
  }),
  // LinkedIn (issue 4): bulk capture, and one person's two identities merged (and unmerged).
  'prospect.addMany': defineRequest({
    audience: 'content',
    request: z.object({ people: z.array(NewProspect).min(1).max(200) }),
    response: z.array(z.object({ prospect: Prospect, created: z.boolean() })),
  }),
  'prospect.samePerson': defineRequest({
    audience: 'content',
    request: z.object({
      person: z.object({
        name: z.string().max(300).nullable(),
        company: z.string().max(300).optional(),
        emails: z.array(z.string().min(3).max(320).includes('@')).max(20),
        linkedinUrl: z.string().url().max(2048).optional(),
      }),
      excludeId: Id.optional(),
    }),
    response: z.array(z.object({ prospect: Prospect, reason: z.enum(['email', 'name-company']) })),
  }),
  'prospect.merge': defineRequest({
    audience: 'content',
    request: z.object({ keepId: Id, mergeId: Id }),
    response: z.object({ prospect: Prospect, mergeId: Id }),
  }),
  'prospect.unmerge': defineRequest({
    audience: 'content',
    request: z.object({ mergeId: Id }),
    response: z.object({ kept: Prospect, restored: Prospect }),
  }),
  'company.savePage': defineRequest({
    audience: 'content',
    request: z.object({ name: z.string().min(1).max(300), linkedinUrl: z.string().url().max(2048), website: z.string().url().max(2048).optional() }),
    response: z.object({ company: Company, created: z.boolean(), attachable: z.array(Prospect) }),
  }),
  'company.attach': defineRequest({
    audience: 'content',
    request: z.object({ companyId: Id, prospectIds: z.array(Id).min(1).max(500) }),
    response: z.number().int(),
  }),
  ...SYNC_REQUESTS,
} as const;

export type Requests = typeof REQUESTS;
export type RequestType = keyof Requests;
export type RequestOf<K extends RequestType> = z.input<Requests[K]['request']>;
export type ParsedRequestOf<K extends RequestType> = z.output<Requests[K]['request']>;
export type ResponseOf<K extends RequestType> = z.output<Requests[K]['response']>;

import type { TouchlineDb } from '../db/database';
import type { Prospect, QualificationAnswer } from '../model';
import type { Settings } from '../settings/settings';
import { UserError } from './errors';
import { getProspect } from './prospects';
import { rescoreProspect } from './scores';
import { enqueue, outboxTables } from '../sync/outbox';

/** Records one qualification answer (state + note) and rescores the prospect. */
export async function setAnswer(
  db: TouchlineDb,
  input: { prospectId: string; questionId: string; answer: QualificationAnswer },
  settings: Settings,
  now = Date.now(),
): Promise<Prospect> {
  const question = settings.framework.questions.find((q) => q.id === input.questionId);
  if (!question) throw new UserError('invalid', `"${input.questionId}" is not a question of ${settings.framework.name}.`);
  const note = input.answer.note?.trim() || undefined;
  await db.transaction('rw', [db.prospects, ...outboxTables(db)], async () => {
    const p = await getProspect(db, input.prospectId);
    await db.prospects.put({ ...p, qualification: { ...p.qualification, [question.id]: { state: input.answer.state, note } }, updatedAt: now });
    await enqueue(db, 'prospect', p.id, p.id, now);
  });
  await rescoreProspect(db, input.prospectId, settings, now);
  return getProspect(db, input.prospectId);
}

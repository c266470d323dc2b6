import type { TouchlineDb } from '../db/database';
import type { Prospect, QualificationAnswer } from '../model';
import type { Settings } from '../settings/settings';
import { UserError } from './errors';
import { getProspect } from './prospects';
import { write } from './unit-of-work';

/** Records one qualification answer (state + note); the score follows (./side-effects.ts). */
export async function setAnswer(
  db: TouchlineDb,
  input: { prospectId: string; questionId: string; answer: QualificationAnswer },
  settings: Settings,
  now = Date.now(),
): Promise<Prospect> {
  const question = settings.framework.questions.find((q) => q.id === input.questionId);
  if (!question) throw new UserError('invalid', `"${input.questionId}" is not a question of ${settings.framework.name}.`);
  const note = input.answer.note?.trim() || undefined;
  return write(db, async () => {
    const p = await getProspect(db, input.prospectId);
    const next: Prospect = { ...p, qualification: { ...p.qualification, [question.id]: { state: input.answer.state, note } }, updatedAt: now };
    await db.prospects.put(next);
    return next;
  }, { settings, now });
}

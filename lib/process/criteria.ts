import type { Prospect, Touch } from '../model';
import type { Framework } from './frameworks';
import type { CriterionRule, ExitCriterion, Stage } from './stage';

export interface CriteriaFacts {
  prospect: Prospect;
  touches: Pick<Touch, 'channel' | 'direction'>[];
  framework: Framework;
  /** Criterion ids ticked by hand for this stage. */
  ticked: ReadonlySet<string>;
  /** The fit part of the score, 0..1; undefined when the team has no ICP. */
  fit: number | undefined;
}

export interface CriterionStatus {
  id: string;
  label: string;
  met: boolean;
  /** How it is met: by a rep's tick or by data (then `because` says which fact). */
  by: 'hand' | 'data' | null;
  because?: string;
  /** The criterion can be met by data (the checklist shows what would meet it). */
  auto: boolean;
}

function metByData(rule: CriterionRule, f: CriteriaFacts): string | null {
  switch (rule.kind) {
    case 'answer': {
      const q = f.framework.questions.find((x) => x.id === rule.questionId);
      const state = f.prospect.qualification[rule.questionId]?.state;
      return q && state && (rule.states as string[]).includes(state) ? `${q.label} is ${state}` : null;
    }
    case 'touch': {
      const hit = f.touches.find(
        (t) => (!rule.channels || rule.channels.includes(t.channel)) && (!rule.direction || t.direction === rule.direction),
      );
      if (!hit) return null;
      return rule.direction === 'inbound' ? 'A reply is logged' : `A ${hit.channel} is logged`;
    }
    case 'fit':
      return f.fit !== undefined && f.fit >= rule.min ? `Fit ${Math.round(f.fit * 100)}% of the profile` : null;
    case 'reachable':
      return f.prospect.emails.length || f.prospect.linkedinUrl || f.prospect.phone ? 'An email, profile or phone is known' : null;
    case 'not-disqualified': {
      const bad = f.framework.questions.find((q) => f.prospect.qualification[q.id]?.state === 'disqualifying');
      return bad ? null : 'No answer is disqualifying';
    }
  }
}

export function evaluateCriterion(c: ExitCriterion, f: CriteriaFacts): CriterionStatus {
  const because = c.auto ? metByData(c.auto, f) : null;
  if (because) return { id: c.id, label: c.label, met: true, by: 'data', because, auto: true };
  if (f.ticked.has(c.id)) return { id: c.id, label: c.label, met: true, by: 'hand', auto: !!c.auto };
  return { id: c.id, label: c.label, met: false, by: null, auto: !!c.auto };
}

export function evaluateStage(stage: Stage, f: CriteriaFacts): CriterionStatus[] {
  return stage.exitCriteria.map((c) => evaluateCriterion(c, f));
}

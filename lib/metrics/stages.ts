import type { MetricStage } from './types';

/**
 * The funnel a prospect moves down: the open stages in the team's order, then won, then retention. Lost is
 * an exit, not a step. History rows are matched by stage id, so a stage renamed in settings keeps its past
 * and shows its current name.
 */
export function funnelOrder(stages: MetricStage[]): MetricStage[] {
  const of = (kind: MetricStage['kind']) => stages.filter((s) => s.kind === kind);
  return [...of('open'), ...of('won'), ...of('retention')];
}

/** Stage id -> position in the funnel (lost stages are absent). */
export function funnelRank(stages: MetricStage[]): Map<string, number> {
  return new Map(funnelOrder(stages).map((s, i) => [s.id, i]));
}

/**
 * A stage's win probability as a fraction (0-1), from the team's percentage in the stage settings, or the
 * default that rises through the open stages (10 % at the first to 90 % at the last; won and retention
 * 100 %, lost 0 %), the same figures the board and the stage settings show.
 */
export function winProbability(stage: MetricStage, stages: MetricStage[]): number {
  if (typeof stage.winProbability === 'number') return stage.winProbability / 100;
  if (stage.kind === 'won' || stage.kind === 'retention') return 1;
  if (stage.kind === 'lost') return 0;
  const open = stages.filter((s) => s.kind === 'open');
  const i = open.findIndex((s) => s.id === stage.id);
  return open.length < 2 ? 0.5 : Math.round(10 + (80 * i) / (open.length - 1)) / 100;
}

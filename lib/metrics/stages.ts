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
 * The team's win probability for a stage (0-1; a percentage above 1 is read as percent), or a default that
 * rises through the open stages: the i-th of n open stages gets i/(n+1); won and retention 1, lost 0.
 */
export function winProbability(stage: MetricStage, stages: MetricStage[]): number {
  const set = stage.winProbability;
  if (typeof set === 'number' && Number.isFinite(set) && set >= 0) return set > 1 ? Math.min(1, set / 100) : set;
  if (stage.kind === 'lost') return 0;
  if (stage.kind !== 'open') return 1;
  const open = stages.filter((s) => s.kind === 'open');
  return (open.findIndex((s) => s.id === stage.id) + 1) / (open.length + 1);
}

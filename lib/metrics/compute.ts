import { groupHistories, type Histories } from './history';
import { funnel, type FunnelStep } from './funnel';
import { stageDurations, type StageDuration } from './durations';
import { averageDealSize, closesIn, cycleLength, salesVelocity, touchesPerWonDeal, winRate } from './outcomes';
import { pipeline, type Pipeline } from './pipeline';
import { touchesPerDay, type ChannelRate, type TouchStats } from './touches';
import type { Bounds, ChangeRow, Metric, MetricStage, ProspectFacts } from './types';

export interface MetricsInput {
  stages: MetricStage[];
  changes: Iterable<ChangeRow>;
  /** The changes already grouped by prospect, source filter applied (the digest keeps them so). */
  histories?: Histories;
  /** Each prospect's source and deal value, for grouping `changes` (unused with `histories`). */
  prospects?: Map<string, ProspectFacts>;
  /** Built for the same source filter (touchStatsFromRows or the IndexedDB loader). */
  touches: TouchStats;
  bounds: Bounds;
  /** A capture site (gmail, linkedin, manual, import) or undefined for all. */
  source?: string;
}

export interface Metrics {
  funnel: FunnelStep[];
  durations: StageDuration[];
  cycleLength: Metric;
  winRate: Metric;
  averageDealSize: Metric;
  touchesPerWonDeal: Metric;
  pipeline: Pipeline;
  salesVelocity: Metric;
  touchesPerDay: ChannelRate[];
}

/** Every number on the metrics page, from stage history and touches only. */
export function computeMetrics(input: MetricsInput): Metrics {
  const { stages, touches, bounds } = input;
  const histories = input.histories ?? groupHistories(input.changes, input.prospects ?? new Map(), input.source);
  const closes = closesIn(histories, stages, bounds);
  const rate = winRate(closes);
  const deal = averageDealSize(closes, histories);
  const cycle = cycleLength(closes, histories, touches);
  const pipe = pipeline(histories, stages, bounds);
  return {
    funnel: funnel(histories, stages, bounds),
    durations: stageDurations(histories, stages, bounds),
    cycleLength: cycle,
    winRate: rate,
    averageDealSize: deal,
    touchesPerWonDeal: touchesPerWonDeal(closes, histories, touches),
    pipeline: pipe,
    salesVelocity: salesVelocity(pipe.open, deal, rate, cycle),
    touchesPerDay: touchesPerDay(touches, bounds),
  };
}

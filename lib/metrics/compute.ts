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
  /** The changes already grouped (the loader groups them once to find the won deals first). */
  histories?: Histories;
  prospects: Map<string, ProspectFacts>;
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
  const { stages, prospects, touches, bounds } = input;
  const histories = input.histories ?? groupHistories(input.changes, prospects, input.source);
  const closes = closesIn(histories, stages, bounds);
  const rate = winRate(closes);
  const deal = averageDealSize(closes, prospects);
  const cycle = cycleLength(closes, histories, touches);
  const pipe = pipeline(histories, stages, prospects, bounds);
  return {
    funnel: funnel(histories, stages, bounds),
    durations: stageDurations(histories, stages, bounds),
    cycleLength: cycle,
    winRate: rate,
    averageDealSize: deal,
    touchesPerWonDeal: touchesPerWonDeal(closes, touches),
    pipeline: pipe,
    salesVelocity: salesVelocity(pipe.open, deal, rate, cycle),
    touchesPerDay: touchesPerDay(touches, bounds),
  };
}

import type { StageChange } from '../model/stage-change';
import type { Stage } from '../process/stage';

/** One number on the metrics page, with how it was computed: the page shows all three. */
export interface Metric {
  /** null when there is nothing to divide by (no rows): the page shows "no data", never 0 or NaN. */
  value: number | null;
  formula: string;
  /** How many rows (stage changes, touches, prospects) the number was computed from. */
  rows: number;
  unit: 'count' | 'ratio' | 'days' | 'money' | 'per-day' | 'money-per-day';
}

/**
 * A stage as the metrics need it. `winProbability` (percent, 0-100) comes from the stage settings when the
 * team set one; otherwise lib/metrics/stages.ts supplies defaults rising through the stages.
 */
export type MetricStage = Pick<Stage, 'id' | 'name' | 'kind' | 'winProbability'>;

/** The facts about a prospect the metrics use besides its history: where it came from and its deal value. */
export interface ProspectFacts {
  id: string;
  site: string;
  dealValue?: number;
}

export type ChangeRow = Pick<StageChange, 'prospectId' | 'to' | 'at'>;

/** Local calendar dates, inclusive at both ends, in the user's time zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** A period resolved to instants: [start, end) and its number of local days (a DST day is still one day). */
export interface Bounds {
  start: number;
  end: number;
  days: number;
}

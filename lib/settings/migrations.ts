import { DEFAULT_STAGES } from '../process/default-stages';
import type { Stage } from '../process/stage';
import { DEFAULT_SETTINGS } from './settings';

/**
 * v1 -> v2 (2026-11-23, issue 5): adds the framework, scoring, cadences and reminders with their defaults,
 * and lets the default exit criteria a team kept be met by data (a criterion the team edited keeps its label).
 */
export function migrateSettingsV1toV2(old: Record<string, unknown>): Record<string, unknown> {
  const stages = Array.isArray(old.stages) ? (old.stages as Stage[]) : undefined;
  return {
    // Fields added since (by any issue) start from their defaults; the stored ones win.
    ...DEFAULT_SETTINGS,
    ...old,
    stages: (stages ?? DEFAULT_STAGES).map((stage) => {
      const known = DEFAULT_STAGES.find((d) => d.id === stage.id);
      return {
        ...stage,
        exitCriteria: (stage.exitCriteria ?? []).map((c) => {
          const auto = known?.exitCriteria.find((d) => d.id === c.id)?.auto;
          return c.auto || !auto ? c : { ...c, auto };
        }),
      };
    }),
    framework: old.framework ?? DEFAULT_SETTINGS.framework,
    scoring: old.scoring ?? DEFAULT_SETTINGS.scoring,
    cadences: old.cadences ?? DEFAULT_SETTINGS.cadences,
    reminders: old.reminders ?? DEFAULT_SETTINGS.reminders,
  };
}

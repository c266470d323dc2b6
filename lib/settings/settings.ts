import { z } from 'zod';
import { StageList } from '../process/stage';
import { DEFAULT_LOSS_REASONS, DEFAULT_STAGES } from '../process/default-stages';

/**
 * Team settings. One zod schema is the contract; `SETTINGS_VERSION` and the migrations in
 * settings-store.ts move older stored shapes forward.
 */
export const Settings = z.object({
  stagesVersion: z.number().int().min(1),
  stages: StageList,
  lossReasons: z.array(z.string().min(1).max(100)).min(1),
  internalDomains: z.array(z.string().min(1).max(253)),
  neverCapture: z.array(z.string().min(1).max(320)),
  /** LinkedIn: log every message of conversations with known prospects without a click (off by default). */
  autoLogLinkedInMessages: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Settings = {
  stagesVersion: 1,
  stages: DEFAULT_STAGES,
  lossReasons: DEFAULT_LOSS_REASONS,
  internalDomains: [],
  neverCapture: [],
  autoLogLinkedInMessages: false,
};

/** A readable one-line reason for a refused settings change: "stages.2.name: Too small". */
export function describeSettingsError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ');
}

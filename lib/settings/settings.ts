import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { StageList } from '../process/stage';
import { DEFAULT_LOSS_REASONS, DEFAULT_STAGES } from '../process/default-stages';
import { BANT, Framework } from '../process/frameworks';
import { Scoring } from '../process/scoring';
import { Cadence, DEFAULT_CADENCES } from '../process/cadence';

/**
 * Team settings. One zod schema is the contract; `SETTINGS_VERSION` and the migrations in
 * settings-store.ts move older stored shapes forward.
 */
export const Settings = lazySchema(() =>
  z.object({
    stagesVersion: z.number().int().min(1),
    stages: StageList,
    lossReasons: z.array(z.string().min(1).max(100)).min(1),
    internalDomains: z.array(z.string().min(1).max(253)),
    neverCapture: z.array(z.string().min(1).max(320)),
    // v2 (issue 5, the sales process): qualification framework, lead score, cadences, reminders.
    framework: Framework,
    scoring: Scoring,
    cadences: z
      .array(Cadence)
      .max(50)
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'Cadence names must be unique'),
    reminders: z.object({ notifications: z.boolean(), snoozeHour: z.number().int().min(0).max(23) }),
    // 2026-11-24 (issue 3, Gmail): email logging. Body text stays out of the CRM unless the team opts in.
    /** Characters of an email body a logged touch keeps (0 = subject and metadata only). */
    emailBodyChars: z.number().int().min(0).max(5000),
    /** Log every message of a thread with a known prospect as soon as the thread is open. */
    autoLogThreads: z.boolean(),
    /** Log mail to known prospects when the rep sends it from Gmail. */
    logOnSend: z.boolean(),
    /** LinkedIn: log every message of conversations with known prospects without a click (off by default). */
    autoLogLinkedInMessages: z.boolean().default(false),
    /** 2026-12 (issue 14): the currency deal values are in (ISO 4217), for the home page and the metrics. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code such as EUR or USD').default('EUR'),
  }),
);
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Settings = {
  stagesVersion: 1,
  stages: DEFAULT_STAGES,
  lossReasons: DEFAULT_LOSS_REASONS,
  internalDomains: [],
  neverCapture: [],
  framework: BANT,
  scoring: {
    weights: { fit: 40, engagement: 30, qualification: 30 },
    icp: { industries: [], sizes: [], titles: [], seniorities: [], domains: [] },
  },
  cadences: DEFAULT_CADENCES,
  reminders: { notifications: true, snoozeHour: 9 },
  emailBodyChars: 0,
  autoLogThreads: false,
  logOnSend: false,
  autoLogLinkedInMessages: false,
  currency: 'EUR',
};

/** A readable one-line reason for a refused settings change: "stages.2.name: Too small". */
export function describeSettingsError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ');
}

import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { LinkedInUrl, SitePageUrl } from './urls';

export const QUALIFICATION_STATES = ['unknown', 'partly', 'confirmed', 'disqualifying'] as const;
export const QualificationAnswer = lazySchema(() =>
  z.object({
    state: z.enum(QUALIFICATION_STATES),
    note: z.string().max(2000).optional(),
  }),
);
export type QualificationAnswer = z.infer<typeof QualificationAnswer>;

export const CAPTURE_SITES = ['gmail', 'linkedin', 'manual', 'import'] as const;
export const CaptureSource = lazySchema(() =>
  z.object({
    site: z.enum(CAPTURE_SITES),
    /** The page the person was captured on. */
    url: SitePageUrl.optional(),
    at: z.number(),
  }),
);

/** A calendar day as a rep picks it in a date field. */
export const LocalDay = lazySchema(() =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Not a calendar date'),
);

/** A person. One record whether first met by email or on LinkedIn. */
export const Prospect = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string().min(1).max(300),
    /** Lower-cased; each one is unique across prospects (a multi-entry unique index). */
    emails: z.array(z.string().email().max(320)),
    /** Canonical form (see lib/sites/linkedin/url.ts); unique across prospects. */
    linkedinUrl: LinkedInUrl.optional(),
    /**
     * LinkedIn member URNs of this person (urn:li:fsd_profile:ACoAA..., urn:li:member:<n>): the same member
     * seen by URN (messaging links, search results) and by vanity URL stays one prospect.
     */
    linkedinIds: z.array(z.string().min(1).max(200)).max(10).optional(),
    headline: z.string().max(500).optional(),
    title: z.string().max(300).optional(),
    company: z.string().max(300).optional(),
    companyId: z.string().optional(),
    phone: z.string().max(60).optional(),
    location: z.string().max(300).optional(),
    source: CaptureSource,
    stageId: z.string(),
    stageEnteredAt: z.number(),
    qualification: z.record(z.string(), QualificationAnswer),
    /** Not written: the lead score lives in the scoreboard (lib/store/scores.ts) so rescoring stays cheap. */
    score: z.number().min(0).max(100).optional(),
    nextStep: z.string().max(500).optional(),
    followUpAt: z.number().optional(),
    tags: z.array(z.string().max(60)),
    /** The deal's value in the team's currency (settings.currency); the metrics' pipeline and forecast use it. */
    dealValue: z.number().min(0).max(1e12).optional(),
    /** The expected close date, a local calendar day (YYYY-MM-DD): a day, not an instant, in every time zone. */
    expectedCloseDate: LocalDay.optional(),
    notes: z.string().max(20000).optional(),
    crmIds: z.record(z.string(), z.string()),
    createdAt: z.number(),
    updatedAt: z.number(),
    /**
     * Derived, never set by hand: folded words of the name, company, emails, LinkedIn URL and tags, kept by
     * lib/store/search-tokens.ts on every write (the `*searchTokens` index behind search, lib/search/).
     */
    searchTokens: z.array(z.string()).optional(),
  }),
);
export type Prospect = z.infer<typeof Prospect>;

/** What a rep or a page supplies to create a prospect; the store fills in the rest. */
export const NewProspect = lazySchema(() =>
  Prospect.pick({
    name: true,
    emails: true,
    linkedinUrl: true,
    linkedinIds: true,
    headline: true,
    title: true,
    company: true,
    phone: true,
    location: true,
    source: true,
  }).partial({ emails: true, source: true }),
);
export type NewProspect = z.infer<typeof NewProspect>;

/** The fields a rep edits from a card. Identity fields (emails, LinkedIn URL) change through merge, not here. */
export const ProspectPatch = lazySchema(() =>
  Prospect.pick({
    name: true,
    headline: true,
    title: true,
    company: true,
    phone: true,
    location: true,
    nextStep: true,
    followUpAt: true,
    tags: true,
    notes: true,
    dealValue: true,
    expectedCloseDate: true,
  })
    .partial()
    // A cleared field arrives as null (JSON has no undefined): it removes the value.
    .extend({ dealValue: Prospect.shape.dealValue.nullable(), expectedCloseDate: LocalDay.nullable().optional() }),
);
export type ProspectPatch = z.infer<typeof ProspectPatch>;

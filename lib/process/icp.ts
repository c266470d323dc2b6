import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';

export const SENIORITIES = ['c-level', 'vp', 'director', 'manager', 'individual'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** An employee-count band: "51-200" or "1000+". */
const SizeBand = lazySchema(() => z.string().regex(/^\d+(-\d+|\+)$/, 'Company sizes look like "51-200" or "1000+"'));

/** The ideal-customer profile the team describes; an empty list means "not part of our profile". */
export const Icp = lazySchema(() =>
  z.object({
    industries: z.array(z.string().min(1).max(80)).max(50),
    sizes: z.array(SizeBand).max(20),
    titles: z.array(z.string().min(1).max(80)).max(50),
    seniorities: z.array(z.enum(SENIORITIES)),
    domains: z.array(z.string().min(1).max(253)).max(200),
  }),
);
export type Icp = z.infer<typeof Icp>;

// Ordered from most to least senior: the first match wins ("VP, Head of Sales" is a VP).
const SENIORITY_WORDS: Array<[Seniority, RegExp]> = [
  ['c-level', /\b(chief|ceo|cto|cfo|coo|cio|cmo|cro|founder|co-founder|owner|president)\b/i],
  ['vp', /\b(vp|svp|evp|vice president|head of)\b/i],
  ['director', /\b(director)\b/i],
  ['manager', /\b(manager|lead)\b/i],
];

export function seniorityOf(title: string | undefined): Seniority | undefined {
  if (!title?.trim()) return undefined;
  return SENIORITY_WORDS.find(([, re]) => re.test(title))?.[0] ?? 'individual';
}

export function sizeInBand(employees: number, band: string): boolean {
  if (band.endsWith('+')) return employees >= Number(band.slice(0, -1));
  const [lo, hi] = band.split('-').map(Number);
  return employees >= lo! && employees <= hi!;
}

/** `sub.acme.example` matches an ICP domain `acme.example`. */
export function domainMatches(domain: string, icpDomain: string): boolean {
  const d = domain.toLowerCase();
  const want = icpDomain.toLowerCase().replace(/^@/, '');
  return d === want || d.endsWith('.' + want);
}

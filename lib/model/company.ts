import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { LinkedInUrl } from './urls';

export const Company = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string().min(1).max(300),
    /** Lower-case registrable domain, e.g. acme-robotics.example; unique. */
    domain: z.string().max(253).optional(),
    linkedinUrl: LinkedInUrl.optional(),
    /** Firmographics the lead score compares with the ideal-customer profile (issue 5). */
    industry: z.string().max(120).optional(),
    employees: z.number().int().min(0).optional(),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
);
export type Company = z.infer<typeof Company>;

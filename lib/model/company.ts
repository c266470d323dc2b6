import { z } from 'zod';

export const Company = z.object({
  id: z.string(),
  name: z.string().min(1).max(300),
  /** Lower-case registrable domain, e.g. acme-robotics.example; unique. */
  domain: z.string().max(253).optional(),
  linkedinUrl: z.string().url().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Company = z.infer<typeof Company>;

// The demo's pipeline: three dozen people spread over every stage, with emails and LinkedIn messages, calls and
// meetings, BANT answers that give them different scores, deal values and next steps (some overdue). It is
// written the way a rep would write it: through the background's own requests from an extension page, so
// every rule holds (criteria asked for a reason, lost asked for a loss reason, scores and the outbox kept).
import type { Page } from '@playwright/test';

const DAY = 86_400_000;

const FIRST = ['Aiko', 'Bruno', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kalani', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Paula', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Ulla', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoë', 'Amara', 'Björn', 'Camila', 'Dario', 'Esme', 'Felix', 'Gita', 'Hana', 'Ivo', 'Jules'];
const LAST = ['Tanaka', 'Costa', 'Lefèvre', 'Volkov', 'Rossi', 'Haddad', 'Lindqvist', 'Moreau', 'Ferreira', 'Berg', 'Akana', 'Novak', 'García', 'Khalil', 'Nilsson', 'Schmidt', 'Dubois', 'Romero', 'Olsen', 'Ruiz', 'Virtanen', 'Petrov', 'Li', 'Herrera', 'Demir', 'Martin', 'Okafor', 'Holm', 'Souza', 'Bianchi', 'Clarke', 'Wagner', 'Rao', 'Sato', 'Horvat', 'Laurent'];
const COMPANIES = ['Northwind Logistics', 'Bluefin Analytics', 'Atelier Lumen', 'Kestrel Robotics', 'Verdant Foods', 'Harbor Health', 'Quarry Labs', 'Solstice Energy', 'Pinecrest Retail', 'Orbital Freight', 'Mosaic Learning', 'Tidewater Bank'];
const TITLES = ['Head of Sales Operations', 'VP Revenue', 'Procurement Lead', 'CTO', 'Operations Director', 'Founder & CEO'];

/** Where each person ends, in order: every stage has people, the open ones the most. */
const ENDS = ['prospecting', 'prospecting', 'prospecting', 'prospecting', 'prospecting', 'qualification', 'qualification', 'qualification', 'qualification', 'qualification', 'approach', 'approach', 'approach', 'approach', 'approach', 'discovery', 'discovery', 'discovery', 'discovery', 'objections', 'objections', 'objections', 'closing', 'closing', 'closing', 'won', 'won', 'won', 'won', 'lost', 'lost', 'lost', 'retention', 'retention', 'prospecting', 'qualification'];
const PATH = ['prospecting', 'qualification', 'approach', 'discovery', 'objections', 'closing', 'won', 'retention'];
const STATES = ['unknown', 'partly', 'confirmed'] as const;
const NEXT_STEPS = ['Send the pricing sheet', 'Book a discovery call', 'Follow up on the security review', 'Share the case study', 'Confirm the budget owner', 'Check in after the trial'];

export interface DemoPerson {
  name: string;
  email?: string;
  linkedinSlug?: string;
  company: string;
  title: string;
  end: string;
  bant: Record<'budget' | 'authority' | 'need' | 'timeline', (typeof STATES)[number]>;
  dealValue?: number;
  nextStep?: { text: string; due: number };
}

/** The people, the same on every run (no randomness: the screenshots are reproducible). */
export function demoPeople(now: number): DemoPerson[] {
  return FIRST.map((first, i) => {
    const name = `${first} ${LAST[i]}`;
    const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '-');
    const company = COMPANIES[i % COMPANIES.length]!;
    const domain = `${company.split(' ')[0]!.toLowerCase()}.example`;
    const end = ENDS[i]!;
    const depth = Math.max(0, PATH.indexOf(end));
    // Later stages know more: their answers lean to confirmed, so scores differ and rise through the board.
    const state = (q: number) => STATES[Math.min(2, Math.floor((((i * 7 + q * 5) % 10) + depth * 2) / 6))]!;
    return {
      name,
      // Every third person was met on LinkedIn only; the rest by email, some on both.
      email: i % 3 === 2 ? undefined : `${slug.split('-')[0]}@${domain}`,
      linkedinSlug: i % 3 === 0 ? undefined : `${slug}-demo`,
      company,
      title: TITLES[i % TITLES.length]!,
      end,
      bant: { budget: state(0), authority: state(1), need: state(2), timeline: state(3) },
      dealValue: end === 'prospecting' ? undefined : 4_000 + ((i * 2_750) % 36_000),
      // Open deals have a next step; every fifth is overdue, so the board shows red dates.
      nextStep: end === 'won' || end === 'lost' || end === 'retention' ? undefined : { text: NEXT_STEPS[i % NEXT_STEPS.length]!, due: now + ((i % 5 === 0 ? -2 : 1 + (i % 9)) * DAY) },
    };
  });
}

/**
 * Writes the demo pipeline into the extension from `page` (an extension page: the requests it sends are the
 * extension-page scope's). Returns how many people it wrote.
 */
export async function seedDemoPipeline(page: Page, now = Date.now()): Promise<number> {
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`; give the page a no-op one.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(
    async ({ people, PATH, DAY, now }) => {
      const ask = async (type: string, payload: unknown) => {
        const res = (await chrome.runtime.sendMessage({ type, payload })) as { ok: boolean; value?: any; error?: { message?: string } };
        if (!res?.ok) throw new Error(`${type}: ${res?.error?.message ?? JSON.stringify(res)}`);
        return res.value;
      };
      for (const [i, p] of people.entries()) {
        const linkedinUrl = p.linkedinSlug ? `https://www.linkedin.com/in/${p.linkedinSlug}/` : undefined;
        const { prospect } = await ask('prospect.add', {
          name: p.name,
          emails: p.email ? [p.email] : [],
          linkedinUrl,
          company: p.company,
          title: p.title,
          source: { site: p.email ? 'gmail' : 'linkedin', at: now - (60 - i) * DAY },
        });
        for (const [questionId, state] of Object.entries(p.bant)) await ask('qualification.set', { prospectId: prospect.id, questionId, answer: { state } });
        const depth = Math.max(0, PATH.indexOf(p.end));
        const touches = [];
        for (let k = 0; k <= depth + 1; k++) {
          const at = now - (80 - i - k * 4) * DAY;
          if (p.email) {
            touches.push({ prospectId: prospect.id, channel: 'email', direction: k % 2 ? 'inbound' : 'outbound', at, subject: k ? `Re: ${p.company} and Touchline` : `${p.company} and Touchline`, sourceId: `demo-${i}-${k}`, url: `https://mail.google.com/mail/u/0/#inbox/demo${i}x${k}` });
          }
          // The LinkedIn touches are the latest ones, so a record's first screen shows both channels.
          const li = k - (depth - 1);
          if (linkedinUrl && li >= 0) {
            touches.push({ prospectId: prospect.id, channel: li ? 'linkedin-message' : 'linkedin-connection', direction: li === 2 ? 'inbound' : 'outbound', at: at + 3_600_000, summary: li ? 'Thanks, happy to talk next week.' : 'Connection request', sourceId: `demo-li-${i}-${k}`, url: linkedinUrl });
          }
          if (k === 2) touches.push({ prospectId: prospect.id, channel: depth >= 3 ? 'meeting' : 'call', direction: 'outbound', at: at + 7_200_000, summary: depth >= 3 ? 'Demo with the team' : 'Intro call, 20 minutes' });
        }
        await ask('touch.logMany', { touches });
        // Walk the stages in order, the way the deal went: each unmet criterion gets a reason.
        const steps = p.end === 'lost' ? ['qualification', 'approach', 'lost'].slice(i % 2) : PATH.slice(1, depth + 1);
        for (const stageId of steps) {
          await ask('stage.move', { prospectId: prospect.id, stageId, reason: 'Demo pipeline: moved on after the call', lossReason: stageId === 'lost' ? ['Price', 'Chose a competitor', 'Bad timing'][i % 3] : undefined });
        }
        const patch: Record<string, unknown> = {};
        if (p.dealValue) patch.dealValue = p.dealValue;
        if (i % 4 === 0) patch.tags = ['priority'];
        if (Object.keys(patch).length) await ask('prospect.update', { id: prospect.id, patch });
        if (p.nextStep) await ask('nextStep.set', { prospectId: prospect.id, text: p.nextStep.text, due: p.nextStep.due });
      }
      return people.length;
    },
    { people: demoPeople(now), PATH, DAY, now },
  );
}

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

import { text } from './dom';
import { LINKEDIN } from './selectors';

/** One role as the Experience card shows it. */
export interface ExperienceRole {
  title?: string;
  company?: string;
  /** The caption's date range, e.g. "Nov 2021 - Present · 2 yrs 9 mos". */
  dates?: string;
  current: boolean;
  /** year * 100 + month (month 0 when the page shows only a year or a month name we cannot read). */
  start: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads "Nov 2021 - Present · 2 yrs 9 mos" without relying on the UI language (seen 2025-04 in English,
 * 2026-11 in German as "Apr. 2020 – Heute · 5 J. 8 Mon."): the range is the part before the first " · ",
 * and a role has ended when the part after its dash holds a year.
 */
export function parseDates(caption: string | undefined): { current: boolean; start: number } | undefined {
  const range = caption?.split(' · ')[0];
  if (!range) return undefined;
  const [from, to] = range.split(/\s+[-–—]\s+/);
  const year = from?.match(/\b(19|20)\d\d\b/)?.[0];
  if (!year) return undefined;
  const month = MONTHS.indexOf(from!.trim().slice(0, 3).toLowerCase()) + 1;
  return { current: !!to && !/\b(19|20)\d\d\b/.test(to), start: Number(year) * 100 + month };
}

/** The first `selector` match that belongs to `entity` itself, not to an entity or list nested in it. */
function own(entity: Element, selector: string): Element | undefined {
  for (const el of entity.querySelectorAll(selector)) {
    const sub = el.closest(LINKEDIN.experienceSubComponents);
    if (!sub || !entity.contains(sub)) return el;
  }
  return undefined;
}

const entityOf = (el: Element) => el.parentElement?.closest(LINKEDIN.experienceEntry) ?? null;

/** Entities of `card` that are not nested in another entity of the card. */
function topLevel(card: Element): Element[] {
  return [...card.querySelectorAll(LINKEDIN.experienceEntry)].filter((e) => {
    const parent = entityOf(e);
    return !parent || !card.contains(parent);
  });
}

function caption(entity: Element): string | undefined {
  return text(own(entity, LINKEDIN.experienceCaption));
}

/**
 * Every role of an Experience card, in page order. A company with several roles is one entity whose bold
 * line is the company and whose roles are entities nested in its sub-components (seen 2024-07 and
 * 2025-04); a single role is one entity whose bold line is the title and whose next line is
 * "Company · Full-time".
 */
export function experienceRoles(card: Element): ExperienceRole[] {
  const roles: ExperienceRole[] = [];
  for (const entity of topLevel(card)) {
    const nested = [...entity.querySelectorAll(LINKEDIN.experienceNested)].filter((n) => entityOf(n) === entity);
    if (nested.length) {
      const company = text(own(entity, LINKEDIN.experienceBold));
      for (const n of nested) {
        const dates = caption(n);
        const d = parseDates(dates);
        roles.push({ title: text(own(n, LINKEDIN.experienceBold)), company, dates, current: d?.current ?? false, start: d?.start ?? 0 });
      }
      continue;
    }
    const companyLine = text(own(entity, LINKEDIN.experienceSubtitle));
    const dates = caption(entity);
    const d = parseDates(dates);
    roles.push({
      title: text(own(entity, LINKEDIN.experienceBold)),
      // "Globex Logistics · Full-time": the part after the separator is the employment type.
      company: companyLine?.split(' · ')[0]?.trim() || undefined,
      dates,
      current: d?.current ?? false,
      start: d?.start ?? 0,
    });
  }
  return roles;
}

/**
 * The current role: no end date, the latest start; page order breaks ties (LinkedIn lists newest first).
 * When no role shows a date Touchline can read, the first listed one is the best guess.
 */
export function currentRole(roles: ExperienceRole[]): ExperienceRole | undefined {
  if (!roles.some((r) => r.start)) return roles[0];
  let best: ExperienceRole | undefined;
  for (const r of roles) if (r.current && (!best || r.start > best.start)) best = r;
  return best;
}

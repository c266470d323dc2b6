import { Prospect } from '../../model/prospect';
import type { Stage } from '../../process/stage';
import { canonicalProfileUrl } from '../../sites/linkedin/url';
import { normalizeEmail } from '../../store/identity';
import { splitList, unescapeCell } from './cells';
import type { FieldId, Mapping } from './fields';

/** One good row, ready to match and write. Fields a row leaves empty are undefined: an update keeps them. */
export interface ImportRecord {
  line: number;
  name?: string;
  emails: string[];
  linkedinUrl?: string;
  title?: string;
  company?: string;
  headline?: string;
  phone?: string;
  location?: string;
  notes?: string;
  nextStep?: string;
  stageId?: string;
  tags: string[];
}

export interface Reject {
  line: number;
  reason: string;
  cells: string[];
}

export const TEXT_FIELDS = ['title', 'company', 'headline', 'phone', 'location', 'notes', 'nextStep'] as const;
const EMAIL = Prospect.shape.emails.element;

function linkedin(cell: string): string | null {
  const href = /^[a-z]+:\/\//i.test(cell) ? cell : `https://${cell.replace(/^\/+/, '')}`;
  return canonicalProfileUrl(href);
}

function stageFinder(stages: Stage[]) {
  const byKey = new Map<string, string>();
  for (const s of stages) {
    byKey.set(s.id.toLowerCase(), s.id);
    byKey.set(s.name.toLowerCase(), s.id);
  }
  return (cell: string) => byKey.get(cell.trim().toLowerCase());
}

/**
 * Turns a row into an import record, or says why it cannot be imported. Cells are text: a formula-looking
 * cell stays the text it is (and is escaped again on export). Every field passes the Prospect schema.
 */
export function recordMaker(mapping: Mapping, stages: Stage[]) {
  const findStage = stageFinder(stages);
  return (line: number, cells: string[]): ImportRecord | Reject => {
    const values: Partial<Record<FieldId, string[]>> = {};
    mapping.forEach((field, i) => {
      const raw = cells[i]?.trim();
      if (!field || !raw) return;
      (values[field] ??= []).push(unescapeCell(raw));
    });
    const one = (f: FieldId) => values[f]?.join(' ').trim() || undefined;
    const reject = (reason: string): Reject => ({ line, reason, cells });

    const emails: string[] = [];
    for (const e of (values.email ?? []).flatMap(splitList)) {
      const email = normalizeEmail(e);
      if (!EMAIL.safeParse(email).success) return reject(`invalid email "${e}"`);
      if (!emails.includes(email)) emails.push(email);
    }
    let linkedinUrl: string | undefined;
    const li = one('linkedinUrl');
    if (li) {
      const url = linkedin(li);
      if (!url) return reject(`"${li}" is not a LinkedIn profile URL (linkedin.com/in/...)`);
      linkedinUrl = url;
    }
    const name = one('name') ?? ([one('firstName'), one('lastName')].filter(Boolean).join(' ') || undefined);
    if (!name && !emails.length && !linkedinUrl) return reject('no name and no email or LinkedIn URL');
    if (!emails.length && !linkedinUrl) return reject('no email or LinkedIn URL to recognise this person by');

    let stageId: string | undefined;
    const stage = one('stage');
    if (stage) {
      stageId = findStage(stage);
      if (!stageId) return reject(`unknown stage "${stage}" (the stages are: ${stages.map((s) => s.name).join(', ')})`);
    }
    const record: ImportRecord = { line, name, emails, linkedinUrl, stageId, tags: [...new Set((values.tags ?? []).flatMap(splitList))] };
    for (const f of TEXT_FIELDS) record[f] = one(f);
    const checks: Array<[string, unknown, { safeParse(v: unknown): { success: boolean } }]> = [
      ['name', name, Prospect.shape.name],
      ['tags', record.tags, Prospect.shape.tags],
      ...TEXT_FIELDS.map((f) => [f, record[f], Prospect.shape[f]] as [string, unknown, { safeParse(v: unknown): { success: boolean } }]),
    ];
    for (const [field, value, schema] of checks) {
      if (value !== undefined && !schema.safeParse(value).success) return reject(`${field} is too long or not valid`);
    }
    return record;
  };
}

export const isReject = (r: ImportRecord | Reject): r is Reject => 'reason' in r;

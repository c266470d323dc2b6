/**
 * The prospect fields a CSV column can map to, with the header names each is guessed from. Several columns
 * may map to `email` (Email, Email 2, Work email) and `tags`; the rest take one column each.
 */
export const IMPORT_FIELDS = [
  { id: 'name', label: 'Name', headers: ['name', 'full name', 'contact', 'contact name', 'person'] },
  { id: 'firstName', label: 'First name', headers: ['first name', 'firstname', 'given name', 'first', 'vorname'] },
  { id: 'lastName', label: 'Last name', headers: ['last name', 'lastname', 'surname', 'family name', 'last', 'nachname'] },
  { id: 'email', label: 'Email', headers: ['email', 'emails', 'e-mail', 'email address', 'work email', 'mail', 'email 2', 'other email'] },
  { id: 'linkedinUrl', label: 'LinkedIn URL', headers: ['linkedin', 'linkedin url', 'linkedin profile', 'profile url', 'linkedin profile url'] },
  { id: 'title', label: 'Title', headers: ['title', 'job title', 'position', 'role'] },
  { id: 'company', label: 'Company', headers: ['company', 'organization', 'organisation', 'account', 'company name', 'employer'] },
  { id: 'headline', label: 'Headline', headers: ['headline'] },
  { id: 'phone', label: 'Phone', headers: ['phone', 'phone number', 'mobile', 'telephone', 'tel'] },
  { id: 'location', label: 'Location', headers: ['location', 'city', 'country', 'address'] },
  { id: 'stage', label: 'Stage', headers: ['stage', 'deal stage', 'pipeline stage', 'status', 'lifecycle stage'] },
  { id: 'tags', label: 'Tags', headers: ['tags', 'tag', 'labels', 'lists'] },
  { id: 'notes', label: 'Notes', headers: ['notes', 'note', 'comments', 'description'] },
  { id: 'nextStep', label: 'Next step', headers: ['next step', 'next action'] },
] as const;

export type FieldId = (typeof IMPORT_FIELDS)[number]['id'];
/** Column index -> field, or null for a column left out of the import. */
export type Mapping = (FieldId | null)[];

const MULTI: ReadonlySet<FieldId> = new Set(['email', 'tags']);
export const isMultiField = (f: FieldId) => MULTI.has(f);

const norm = (h: string) =>
  h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_.\-:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A first mapping from the header names; a field already taken (other than emails and tags) is not reused. */
export function guessMapping(header: string[]): Mapping {
  const taken = new Set<FieldId>();
  return header.map((h) => {
    const n = norm(h);
    const hit =
      IMPORT_FIELDS.find((f) => (f.headers as readonly string[]).includes(n)) ??
      IMPORT_FIELDS.find((f) => f.id === 'email' && /e ?mail/.test(n)) ??
      IMPORT_FIELDS.find((f) => f.id === 'linkedinUrl' && n.includes('linkedin'));
    if (!hit || (taken.has(hit.id) && !isMultiField(hit.id))) return null;
    taken.add(hit.id);
    return hit.id;
  });
}

/** The headers that map to nothing, for the "these columns will not be imported" line. */
export function unmappedHeaders(header: string[], mapping: Mapping): string[] {
  return header.filter((h, i) => !mapping[i] && h.trim() !== '');
}

/**
 * Extracts the facts the HubSpot fake enforces from HubSpot's OpenAPI definitions
 * (github.com/HubSpot/HubSpot-public-api-spec-collection, PublicApiSpecs/CRM/...): for each operation the adapter
 * may call, its method, path, request schema and response schemas (names, types, required lists, enums only:
 * descriptions and examples are dropped). The definition files themselves are proprietary to HubSpot ("not
 * licensed for external use", the repository's README), so they are not vendored: only these facts are.
 *
 *   node --import tsx tests/sync/specs/extract-hubspot.ts <git dir of the spec repository> > tests/sync/specs/hubspot.facts.json
 */
import { execFileSync } from 'node:child_process';

const gitDir = process.argv[2];
if (!gitDir) throw new Error('usage: extract-hubspot.ts <git dir of HubSpot-public-api-spec-collection>');
const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const commit = git('rev-parse', 'HEAD').trim();
const date = git('log', '-1', '--format=%cI').trim();

const FILES = {
  objects: 'PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json',
  properties: 'PublicApiSpecs/CRM/Properties/Rollouts/145899/v3/properties.json',
  associations: 'PublicApiSpecs/CRM/Associations/Rollouts/130902/v4/associations.json',
  pipelines: 'PublicApiSpecs/CRM/Pipelines/Rollouts/145896/v3/pipelines.json',
  // The GDPR delete is defined for contacts only, in the contacts file (issue 15 item 5: erasing a person).
  contacts: 'PublicApiSpecs/CRM/Contacts/Rollouts/424/v3/contacts.json',
};
/** The operations Touchline's adapter may call; anything else the fake answers 404. */
const USED: Record<keyof typeof FILES, string[]> = {
  objects: [
    'GET /crm/v3/objects/{objectType}',
    'POST /crm/v3/objects/{objectType}/batch/create',
    'POST /crm/v3/objects/{objectType}/batch/update',
    'POST /crm/v3/objects/{objectType}/batch/upsert',
    'POST /crm/v3/objects/{objectType}/batch/archive',
    'POST /crm/v3/objects/{objectType}/search',
    'PATCH /crm/v3/objects/{objectType}/{objectId}',
    'GET /crm/v3/objects/{objectType}/{objectId}',
  ],
  properties: ['GET /crm/v3/properties/{objectType}/{propertyName}', 'POST /crm/v3/properties/{objectType}'],
  associations: ['POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default'],
  pipelines: ['GET /crm/v3/pipelines/{objectType}'],
  contacts: ['POST /crm/v3/objects/contacts/gdpr-delete'],
};

const DROP = new Set(['description', 'example', 'examples', 'x-hubspot-related-documentation']);
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !DROP.has(k)).map(([k, x]) => [k, strip(x)]));
  return v;
}
const refName = (s: unknown) => ((s as { $ref?: string } | undefined)?.$ref ?? '').split('/').pop() || undefined;

const schemas: Record<string, unknown> = {};
const operations: unknown[] = [];
for (const [file, path] of Object.entries(FILES) as Array<[keyof typeof FILES, string]>) {
  const doc = JSON.parse(git('show', `${commit}:${path}`));
  // The contacts file repeats the objects file's schemas; the generic ones (read first) are kept.
  for (const [name, s] of Object.entries(doc.components.schemas)) if (file !== 'contacts' || !(name in schemas)) schemas[name] = strip(s);
  for (const id of USED[file]) {
    const [method, p] = id.split(' ') as [string, string];
    const op = doc.paths[p]?.[method.toLowerCase()];
    if (!op) throw new Error(`${id} not in ${path}`);
    const responses: Record<string, string | undefined> = {};
    for (const [status, r] of Object.entries(op.responses as Record<string, { content?: Record<string, { schema?: unknown }>; $ref?: string }>))
      responses[status] = refName(r.content?.['application/json']?.schema) ?? (r.$ref ? 'Error' : undefined);
    operations.push({
      method,
      path: p,
      source: path,
      parameters: (op.parameters ?? []).map((x: { name: string; in: string; required?: boolean; schema?: unknown }) => strip({ name: x.name, in: x.in, required: !!x.required, schema: x.schema })),
      request: refName(op.requestBody?.content?.['application/json']?.schema),
      requestRequired: !!op.requestBody?.required,
      responses,
      scopes: op.security?.flatMap((s: Record<string, string[]>) => Object.values(s).flat()) ?? [],
    });
  }
}
process.stdout.write(
  JSON.stringify(
    {
      source: { repository: 'https://github.com/HubSpot/HubSpot-public-api-spec-collection', commit, committed: date, files: Object.values(FILES), extracted: new Date().toISOString().slice(0, 10) },
      licence: 'The definition files are proprietary to HubSpot and not licensed for external use (their README); this file holds only facts read from them (paths, field names, types, required lists), with no descriptions or examples.',
      operations,
      schemas,
    },
    null,
    1,
  ) + '\n',
);

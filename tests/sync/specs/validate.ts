import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The shape of a `*.facts.json` file: a vendor's operations and schemas, extracted from its published
 * definition (HubSpot) or written down from its official client's generated models and server code (Pipedrive,
 * Twenty, Salesforce), each with its source. Schemas use OpenAPI's JSON Schema subset and `#/components/schemas`
 * style references (`#/schemas/X` after loading).
 */
export interface Facts {
  source: Record<string, unknown>;
  licence: string;
  operations: Operation[];
  schemas: Record<string, unknown>;
  /** Vendor rules a schema cannot say (batch limits, unique keys, rate limits), with where each was read. */
  rules?: Record<string, unknown>;
}
export interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ name: string; in: string; required: boolean; schema?: unknown }>;
  request?: string;
  requestRequired?: boolean;
  responses: Record<string, string | undefined>;
}

export interface Checked {
  op?: Operation;
  params: Record<string, string>;
  errors: string[];
}

export function loadFacts(name: string): Facts {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./${name}.facts.json`, import.meta.url)), 'utf8')) as Facts;
}

/**
 * Checks requests (and the fake's own answers) against a vendor's operations: the path must be one the vendor
 * defines for that method, required query parameters present and typed, the body valid against the request
 * schema. A fake refuses what this refuses, the way the real API would, and records it so the test fails.
 */
export class SpecValidator {
  private readonly ajv: Ajv;
  private readonly routes: Array<{ op: Operation; re: RegExp; names: string[] }>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly facts: Facts) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    const text = JSON.stringify(facts.schemas).replaceAll('#/components/schemas/', 'spec#/schemas/');
    this.ajv.addSchema({ $id: 'spec', schemas: JSON.parse(text) });
    // Literal segments win over parameters (`/batch/upsert` before `/{objectId}`): fewer parameters first.
    this.routes = facts.operations
      .map((op) => {
        const names: string[] = [];
        const re = new RegExp('^' + op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)')) + '$');
        return { op, re, names };
      })
      .sort((a, b) => a.names.length - b.names.length);
  }

  private schema(name: string): ValidateFunction {
    let v = this.compiled.get(name);
    if (!v) {
      if (!(name in this.facts.schemas)) throw new Error(`No schema ${name} in the facts`);
      v = this.ajv.compile({ $ref: `spec#/schemas/${name}` });
      this.compiled.set(name, v);
    }
    return v;
  }

  private errorsOf(v: ValidateFunction, where: string): string[] {
    return (v.errors ?? []).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`);
  }

  request(method: string, path: string, query: URLSearchParams, body: unknown): Checked {
    const route = this.routes.find((r) => r.op.method === method && r.re.test(path));
    if (!route) return { params: {}, errors: [`${method} ${path} is not an operation of this API`] };
    const m = route.re.exec(path)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    const errors: string[] = [];
    for (const p of route.op.parameters ?? []) {
      if (p.in !== 'query') continue;
      const raw = query.get(p.name);
      if (raw === null) {
        if (p.required) errors.push(`query parameter ${p.name} is required`);
        continue;
      }
      const type = (p.schema as { type?: string; enum?: string[]; maximum?: number } | undefined) ?? {};
      if (type.type === 'integer' && !/^-?\d+$/.test(raw)) errors.push(`query parameter ${p.name} must be an integer`);
      if (type.type === 'boolean' && raw !== 'true' && raw !== 'false') errors.push(`query parameter ${p.name} must be true or false`);
      if (type.maximum !== undefined && Number(raw) > type.maximum) errors.push(`query parameter ${p.name} must be <= ${type.maximum}`);
      if (type.enum && !raw.split(',').every((x) => type.enum!.includes(x))) errors.push(`query parameter ${p.name} must be one of ${type.enum.join(', ')}`);
    }
    if (route.op.request) {
      if (body === undefined) {
        if (route.op.requestRequired) errors.push('a request body is required');
      } else {
        const v = this.schema(route.op.request);
        if (!v(body)) errors.push(...this.errorsOf(v, 'body'));
      }
    }
    return { op: route.op, params, errors };
  }

  /** The fake's own answer must have the vendor's shape too, or the adapter's parsing proves nothing. */
  response(op: Operation, status: number, body: unknown): string[] {
    const name = op.responses[String(status)] ?? (status >= 400 ? op.responses.default : undefined);
    if (!name) return status === 204 || status >= 400 ? [] : [`${op.method} ${op.path} does not answer ${status}`];
    const v = this.schema(name);
    return v(body) ? [] : this.errorsOf(v, `answer ${status}`);
  }
}

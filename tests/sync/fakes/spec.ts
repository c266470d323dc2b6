import { loadFacts, SpecValidator, type Checked, type Operation } from '../specs/validate';
import type { FakeRequest, FakeResponse } from './server';

/**
 * A fake's gate: every request is checked against the vendor's definition before the fake acts on it, and
 * every answer the fake gives is checked too. A request the definition does not allow is refused the way the
 * vendor refuses it and kept in `violations`, which each test expects to be empty at the end.
 */
export class SpecGate {
  readonly validator: SpecValidator;
  readonly violations: string[] = [];

  constructor(facts: string) {
    this.validator = new SpecValidator(loadFacts(facts));
  }

  /** The matched operation and path parameters, or the errors (recorded) when the request is not allowed. */
  check(req: FakeRequest): Checked {
    const checked = this.validator.request(req.method, req.path, req.query, req.body);
    if (checked.errors.length) this.violations.push(`${req.method} ${req.path}: ${checked.errors.join('; ')}`);
    return checked;
  }

  /** Records an answer of a shape the vendor never sends (a bug in the fake, which would make tests lie). */
  answer(op: Operation | undefined, res: FakeResponse): FakeResponse {
    if (op) for (const e of this.validator.response(op, res.status, res.body)) this.violations.push(`fake answer to ${op.method} ${op.path}: ${e}`);
    return res;
  }

  /** A rule the definition states in words (unique keys, batch limits), broken by a request: also a violation. */
  refuse(req: FakeRequest, why: string): void {
    this.violations.push(`${req.method} ${req.path}: ${why}`);
  }
}

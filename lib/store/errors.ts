/** An error whose message is meant for the rep; `code` lets callers branch without parsing text. */
export class UserError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid' | 'conflict' | 'forbidden',
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

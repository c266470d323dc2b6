/** Random ids for local records. crypto.randomUUID exists in service workers, extension pages and Node 20. */
export function newId(): string {
  return crypto.randomUUID();
}

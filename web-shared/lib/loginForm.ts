/** Pure helpers the login forms of both apps share (no UI, no dependencies). */

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Loose client-side email check; the server has the final word. Surrounding spaces are ignored. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** A type guard for "this problem field names one of the form's inputs". */
export function fieldGuard<K extends string>(fields: ReadonlyArray<K>): (name: string) => name is K {
  return (name: string): name is K => (fields as readonly string[]).includes(name);
}

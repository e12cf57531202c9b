/** One line of an audit event's before/after comparison. */
export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested objects become dotted paths (`accountManager.name`) so a change deep inside shows as one line. */
function flatten(value: Json | null, prefix = '', into: Map<string, unknown> = new Map()): Map<string, unknown> {
  for (const [key, item] of Object.entries(value ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(item) && Object.keys(item).length > 0) flatten(item, path, into);
    else into.set(path, item);
  }
  return into;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every field of either side, in the order they were recorded, each marked with what happened to it. */
export function diffRows(before: Json | null, after: Json | null): DiffRow[] {
  const old = flatten(before);
  const now = flatten(after);
  const fields = [...new Set([...old.keys(), ...now.keys()])];
  return fields.map((field) => {
    const [was, is] = [old.get(field), now.get(field)];
    const change = !old.has(field) ? 'added' : !now.has(field) ? 'removed' : same(was, is) ? 'unchanged' : 'changed';
    return { field, before: was, after: is, change };
  });
}

/** A value as a reader wants it: text as is, anything else as JSON, and a field a side lacks as a dash. */
export function formatValue(value: unknown, present: boolean): string {
  if (!present) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

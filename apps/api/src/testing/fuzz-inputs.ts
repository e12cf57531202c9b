import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
};

/** Inputs people and attackers actually send: oversized, deeply nested, wrongly typed, hostile text. */
const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  "'; drop table users; --",
  '" OR 1=1 --',
  '\u0000',
  'null\u0000byte',
  '\u202Ereversed',
  '😀👍🏽🇨🇳',
  '高仿 复刻 1:1 AAA',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00%0d%0a',
  '=cmd|"/c calc"!A1',
  '9999-99-99',
  '2026-02-30T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Nested `levels` deep, each level a fresh object (a shared one would make serialising it exponential). */
function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    deep(500),
    Array.from({ length: 5000 }, (_, i) => i),
    JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}'),
  ),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function stringFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const maxLength = Math.min(schema.maxLength ?? 40, 400);
  const plain = fc.string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength, unit: 'grapheme' });
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(fc.uuid({ version: 7 }), fc.uuid(), plain);
    case 'email':
      return fc.oneof(fc.emailAddress(), plain);
    case 'date-time':
    case 'date':
      return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), plain);
    case 'uri':
      return fc.oneof(fc.webUrl(), plain);
    default:
      return fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) });
  }
}

/**
 * Values shaped like the schema (most of them valid, some just off: a string one too long, a
 * missing required field, an extra key), mixed with values of no shape at all.
 */
export function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return nastyValue;
  const shaped = shapedFor(schema, depth);
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: nastyValue });
}

function shapedFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => arbitraryFor(variant, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((one) => shapedFor({ ...schema, type: one }, depth)));
  switch (type[0]) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1000, 1e9) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 8) });
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const record = Object.fromEntries(properties.map(([key, value]) => [key, arbitraryFor(value, depth + 1)]));
      const optional = properties.filter(([key]) => !required.has(key)).map(([key]) => key);
      return fc
        .tuple(fc.record(record, { requiredKeys: [...required].filter((key) => key in record) as never }), fc.boolean(), fc.boolean())
        .map(([value, dropOne, extraKey]) => {
          const result: Record<string, unknown> = { ...(value as Record<string, unknown>) };
          if (dropOne && required.size > 0) delete result[[...required][0]!];
          if (extraKey) result.unexpected = 'extra';
          for (const key of optional) if (result[key] === undefined) delete result[key];
          return result;
        });
    }
    default:
      return nastyValue;
  }
}

/** Generated inputs for a procedure's zod input (undefined-only for procedures that take none). */
export function inputsFor(schema: z.ZodType | undefined, count: number, seed: number): unknown[] {
  if (!schema) return fc.sample(fc.oneof(fc.constant(undefined), nastyValue), { numRuns: count, seed });
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return fc.sample(arbitraryFor(json), { numRuns: count, seed });
}

import fc from 'fast-check';

/**
 * fast-check arbitraries derived from the zod schemas, through the JSON Schema
 * that fastify-type-provider-zod publishes for each operation. Three kinds:
 * valid (inside every constraint), boundary (on the edges, and the awkward
 * content a real organization's data carries), malformed (outside them).
 *
 * JSON Schema cannot say everything zod checks (refinements such as "a known
 * time zone", the e-mail check behind a trim): property names fill that gap
 * for valid values, so valid inputs reach the use cases, not just the validator.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  default?: unknown;
};

const timeZones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];

/** Text a real organization's records carry, and text that breaks careless code. */
export const awkwardText = [
  ' ',
  'Zoë Ångström-Ñúñez',
  'محمد الأحمد',
  'שרה כהן',
  '王小明',
  '👩🏽‍💻 Dev',
  'e\u0301',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202eRTL override',
  "O'Brien",
  "' OR 1=1 --",
  '%_\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '../../etc/passwd',
  '\r\nSet-Cookie: x=1',
  '   padded   ',
];

/** Real ids by property name (managerId → people), so valid cases reach records instead of "not found". */
export type KnownIds = Record<string, string[]>;

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);
const clampLength = (n: number | undefined, fallback: number) => Math.min(n ?? fallback, fallback);

// zod's e-mail check is stricter than RFC 5322 (fast-check's emailAddress): use the common shape.
const emailAddress = fc.stringMatching(/^[a-z][a-z0-9]{0,15}([._-][a-z0-9]{1,10})?@[a-z]{2,12}\.(org|example|com|co\.uk)$/);

function validString(schema: JsonSchema, name: string, known: KnownIds): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  const ids = known[name];
  if (ids?.length && schema.format === 'uuid') return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: fc.uuid({ version: 4 }), weight: 1 });
  if (schema.format === 'uuid') return fc.uuid({ version: 4 });
  // A session's schedule, in the coming weeks and in order: deadline, start, end (catalog).
  const schedule = { enrolmentDeadline: [2, 9], startsAt: [10, 20], endsAt: [21, 30] }[name];
  if (schedule) return fc.integer({ min: schedule[0]! * 24, max: schedule[1]! * 24 }).map((h) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/:\d\d\.\d{3}Z$/, ':00Z'));
  if (schema.format === 'date-time') return fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date') return fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'email' || /e-?mail/i.test(name)) return emailAddress.filter((e) => e.length <= Math.min(max, 254));
  if (/time_?zone/i.test(name)) return fc.constantFrom(...timeZones);
  if (/^languages?$/.test(name)) return fc.oneof({ arbitrary: fc.constant('en'), weight: 3 }, { arbitrary: fc.constantFrom('pt', 'es', 'fr', 'pt-PT'), weight: 1 });
  if (/url$/i.test(name)) return fc.webSegment().map((s) => `https://meet.example.com/${s}`);
  // A course objective is a sentence of a few words (catalog: "at least three words").
  if (name === 'text') return fc.array(fc.stringMatching(/^[A-Za-z\u00c0-\u00ff]{1,12}$/), { minLength: 3, maxLength: 12 }).map((w) => w.join(' ')).filter((t) => t.length >= min && t.length <= max);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
  return fc.string({ minLength: min, maxLength: clampLength(max, 40), unit: 'grapheme' }).filter((s) => s.trim().length >= min && s.length <= max);
}

export function validArbitrary(schema: JsonSchema, name = '', known: KnownIds = {}): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArbitrary(s, name, known)));
  if (schema.allOf?.length) return validArbitrary(Object.assign({}, ...schema.allOf) as JsonSchema, name, known);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validArbitrary({ ...schema, type }, name, known)));
  switch (types[0]) {
    case 'string':
      return validString(schema, name, known);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e6, Number.MIN_SAFE_INTEGER), max: Math.min(schema.maximum ?? 1e6, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      // A list of ids named in `known` (interestIds …): some of the real ones, so it reaches the use case.
      const ids = known[name];
      if (ids?.length && schema.items?.format === 'uuid') return fc.subarray(ids, { minLength: Math.min(schema.minItems ?? 0, ids.length), maxLength: Math.min(schema.maxItems ?? ids.length, ids.length) });
      const item = validArbitrary(schema.items ?? {}, name, known);
      // A list of a fixed length (every cause weighed once) is as long as it must be, even past 5.
      const length = { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, clampLength(schema.maxItems, 5)) };
      return schema.uniqueItems ? fc.uniqueArray(item, { ...length, selector: (v) => JSON.stringify(v) }) : fc.array(item, length);
    }
    case 'object': {
      const required = (schema.required ?? []).filter((k) => k in (schema.properties ?? {}));
      // An optional `id` in a body names a record that already exists (an objective kept through an
      // edit): a made-up one is only ever "not found", so it is left out unless real ones are known.
      const properties = Object.entries(schema.properties ?? {}).filter(([k]) => k !== 'id' || required.includes(k) || !!known.id?.length);
      return fc.record(Object.fromEntries(properties.map(([k, s]) => [k, validArbitrary(s, k, known)])), { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function boundaryStrings(schema: JsonSchema, name: string): fc.Arbitrary<unknown> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 10_000;
  const edges: string[] = ['x'.repeat(min), 'x'.repeat(Math.min(max, 10_000)), '😀'.repeat(Math.floor(Math.min(max, 10_000) / 2)), ...awkwardText];
  if (min > 0) edges.push(' '.repeat(min));
  return fc.oneof(fc.constantFrom(...edges), validString(schema, name, {}).map((s) => `${s}${awkwardText[s.length % awkwardText.length]}`));
}

/** Values on the edges of the schema and awkward content inside it. */
export function boundaryArbitrary(schema: JsonSchema, name = '', known: KnownIds = {}): fc.Arbitrary<unknown> {
  if (schema.enum || schema.const !== undefined) return validArbitrary(schema, name, known);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => boundaryArbitrary(s, name, known)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => boundaryArbitrary({ ...schema, type }, name, known)));
  switch (types[0]) {
    case 'string':
      return boundaryStrings(schema, name);
    case 'integer':
    case 'number': {
      const lo = schema.minimum ?? Number.MIN_SAFE_INTEGER;
      const hi = schema.maximum ?? Number.MAX_SAFE_INTEGER;
      return fc.constantFrom(lo, hi, lo + 1, hi - 1, 0, -0).filter((n) => n >= lo && n <= hi);
    }
    case 'array': {
      const item = boundaryArbitrary(schema.items ?? {}, name, known);
      return fc.oneof(
        fc.array(item, { minLength: schema.minItems ?? 0, maxLength: schema.minItems ?? 0 }),
        fc.array(item, { minLength: Math.min(schema.maxItems ?? 50, 50), maxLength: Math.min(schema.maxItems ?? 50, 50) }),
      );
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = (schema.required ?? []).filter((k) => k in properties);
      return fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fc.oneof(boundaryArbitrary(s, k, known), validArbitrary(s, k, known))])), {
        requiredKeys: required,
      });
    }
    default:
      return validArbitrary(schema, name, known);
  }
}

const wrongValues = fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 1e308, '', 'not-what-you-expect', [], {}, [null], { nested: { deeper: [1, 'x'] } });

/** Values outside the schema: wrong types, too long, too small, missing or extra fields. */
export function malformedArbitrary(schema: JsonSchema, name = '', known: KnownIds = {}): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const own: fc.Arbitrary<unknown>[] = [wrongValues];
  if (types.includes('string')) {
    if (schema.maxLength !== undefined) own.push(fc.constant('y'.repeat(schema.maxLength + 1)));
    if (schema.minLength) own.push(fc.constant('y'.repeat(schema.minLength - 1)));
    if (schema.format === 'uuid' || schema.pattern) own.push(fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '../..', '%00', ' 1 '));
  }
  if (types.includes('integer') || types.includes('number')) {
    if (schema.minimum !== undefined) own.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) own.push(fc.constant(schema.maximum + 1));
    own.push(fc.constantFrom('12abc', '1e309', 'NaN', 'Infinity', '0x10', 2 ** 64));
  }
  if (types.includes('object') && schema.properties && Object.keys(schema.properties).length > 0) {
    const properties = schema.properties;
    const valid = validArbitrary(schema, name, known) as fc.Arbitrary<Record<string, unknown>>;
    const keys = Object.keys(properties);
    own.push(
      // one required field missing
      ...(schema.required ?? []).map((k) =>
        valid.map((v) => {
          const copy = { ...v };
          delete copy[k];
          return copy;
        }),
      ),
      // one field with a wrong value
      fc.tuple(valid, fc.constantFrom(...keys), fc.oneof(...keys.map((k) => malformedArbitrary(properties[k]!, k)))).map(([v, k, bad]) => ({ ...v, [k]: bad })),
      // unexpected and dangerous keys
      valid.map((v) => ({ ...v, isAdmin: true, id: '00000000-0000-4000-8000-000000000000' })),
      valid.map((v) => {
        // An object with only optional fields can come out empty: no comma before nothing.
        const rest = JSON.stringify(v).slice(1, -1);
        return JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}${rest ? `, ${rest}` : ''}}`) as unknown;
      }),
    );
  }
  if (types.includes('array')) {
    if (schema.maxItems !== undefined) own.push(fc.array(validArbitrary(schema.items ?? {}), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 1 }));
    own.push(fc.constant([[[[[]]]]]));
  }
  return fc.oneof(...own);
}

/** Raw request bodies that are not what any JSON operation accepts. */
export const rawBodies = fc.constantFrom(
  { contentType: 'application/json', payload: '{' },
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: 'null' },
  { contentType: 'application/json', payload: '"a string"' },
  { contentType: 'application/json', payload: '[1,2,3]' },
  { contentType: 'application/json', payload: '1e999999' },
  { contentType: 'application/json', payload: '['.repeat(5000) + ']'.repeat(5000) },
  { contentType: 'application/json', payload: '{"a":"\\ud800"}' },
  { contentType: 'application/json; charset=latin1', payload: '{"x":1}' },
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
  { contentType: 'multipart/form-data; boundary=xyz', payload: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--' },
  { contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
);

/** Query strings and path segments are text: how a value travels in a URL. */
export function asUrlValue(value: unknown): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

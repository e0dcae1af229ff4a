import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUrlValue, boundaryArbitrary, malformedArbitrary, rawBodies, validArbitrary, type JsonSchema, type KnownIds } from './arbitraries';
import { createWorld, type World } from './cast';
import { fillPath, listOperations, type Operation } from './openapi-operations';
import { fingerprintDatabase, fingerprintDiff } from '../support/database-fingerprint';
import { TestClient, type TestResponse } from '../support/test-client';
import { TEST_PASSWORD } from '../support/factories';
import { learnerSupportCase } from './access/support';
import { learnerRequest } from './access/requests';
import { glossaryTermId, learnerWorkshopId } from './access/workshops';

// Every operation in the OpenAPI document gets valid, boundary and malformed
// bodies, queries and path ids, as an admin (who reaches every use case) and,
// for public operations, as an anonymous caller. Whatever arrives: no 5xx, no
// unhandled rejection, errors as problem+json, and a rejected request (or any
// GET) leaves the database exactly as it was.
//
// STRIDE_FUZZ_RUNS raises the number of cases per operation and kind for a
// deeper local run; STRIDE_FUZZ_SEED replays a failure.

// Eight cases per operation, kind and caller keep the sweep to minutes on two cores as operations grow (over 200).
const runs = Number(process.env.STRIDE_FUZZ_RUNS ?? 8);
const seed = process.env.STRIDE_FUZZ_SEED ? Number(process.env.STRIDE_FUZZ_SEED) : undefined;
const kinds = ['valid', 'boundary', 'malformed', 'raw'] as const;
type Kind = (typeof kinds)[number];

type Input = {
  params: Record<string, string>;
  query: [string, string][];
  body?: unknown;
  raw?: { contentType: string; payload: string };
};

let world: World;
let operations: Operation[];
let cases = 0;
/** Per operation, how many cases ended in each status class: shows valid cases reach the use cases. */
const tally = new Map<string, Record<string, number>>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let knownIds: Record<string, string[]>;
/** Real ids by property name, for foreign keys in bodies and queries. */
let knownFields: KnownIds;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  world = await createWorld();
  operations = listOperations(world.stride.app);
  const imports = [await world.previewedImport(), await world.previewedImport()];
  // Real ids, so valid cases reach records and not only "not found". The admin's
  // own id is left out: a random valid PATCH could otherwise revoke the fuzzer's rights.
  knownIds = {
    people: [world.people.learner.id, world.people.anotherLearner.id, world.people.supervisorOfLearner.id],
    'people-imports': imports,
    outbox: [String(world.records.learnerMessageId)],
    courses: [world.records.courseId],
    'course-sessions': [world.records.courseSessionId],
    enrolments: [world.records.learnerEnrolmentId],
    'support-cases': [await learnerSupportCase(world)],
    requests: [await learnerRequest(world)],
    workshops: [await learnerWorkshopId(world)],
    glossary: [await glossaryTermId(world)],
  };
  const personIds = knownIds.people!;
  knownFields = {
    managerId: personIds, rootId: personIds, entityId: personIds, businessUnitId: [world.businessUnitId],
    contactPersonId: [world.people.coordinator.id], instructorId: [world.people.instructor.id], audienceBusinessUnitIds: [world.businessUnitId],
    interestIds: [world.records.interestId], personId: personIds,
  };
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await world?.close();
});

const randomAddress = () => `10.${randomInt(1, 250)}.${randomInt(0, 250)}.${randomInt(1, 250)}`;

/** The collection a path id belongs to: /api/v1/people-imports/{id}/apply → people-imports. */
const collectionOf = (operation: Operation) => operation.path.split('/')[3] ?? '';

function pathParamsArbitrary(operation: Operation, kind: Kind): fc.Arbitrary<Record<string, string>> {
  const properties = (operation.params as JsonSchema | undefined)?.properties ?? {};
  const entries = operation.pathParams.map((name) => {
    const schema = properties[name] ?? { type: 'string' };
    const known = knownIds[collectionOf(operation)] ?? [];
    const arbitrary =
      kind === 'malformed'
        ? malformedArbitrary(schema, name)
        : kind === 'boundary'
          ? boundaryArbitrary(schema, name)
          : known.length > 0
            ? fc.oneof(fc.constantFrom(...known), validArbitrary(schema, name))
            : validArbitrary(schema, name);
    return [name, arbitrary.map((v) => String(asUrlValue(v) ?? '') || 'empty')] as const;
  });
  return fc.record(Object.fromEntries(entries));
}

function queryArbitrary(operation: Operation, kind: Kind): fc.Arbitrary<[string, string][]> {
  const schema = operation.query as JsonSchema | undefined;
  if (!schema?.properties) return fc.constant([]);
  const pick = kind === 'malformed' ? malformedArbitrary : kind === 'boundary' ? boundaryArbitrary : validArbitrary;
  const arbitrary =
    kind === 'malformed'
      ? fc.record(Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, pick(s, k, knownFields)])), { requiredKeys: [] })
      : pick(schema, '', knownFields);
  return arbitrary.map((value) =>
    Object.entries((value ?? {}) as Record<string, unknown>).flatMap(([k, v]) => {
      const text = asUrlValue(v);
      if (text === undefined) return [];
      return (Array.isArray(text) ? text : [text]).map((t) => [k, t] as [string, string]);
    }),
  );
}

function bodyArbitrary(operation: Operation, kind: Kind): fc.Arbitrary<unknown> {
  if (!operation.stateChanging) return fc.constant(undefined);
  const schema = (operation.body as JsonSchema | undefined) ?? { type: 'object', properties: {} };
  if (kind === 'valid') return validArbitrary(schema, '', knownFields);
  if (kind === 'boundary') return boundaryArbitrary(schema, '', knownFields);
  return malformedArbitrary(schema, '', knownFields);
}

function inputArbitrary(operation: Operation, kind: Kind): fc.Arbitrary<Input> {
  return fc.record({
    params: pathParamsArbitrary(operation, kind === 'raw' ? 'valid' : kind),
    query: queryArbitrary(operation, kind === 'raw' ? 'valid' : kind),
    body: kind === 'raw' ? fc.constant(undefined) : bodyArbitrary(operation, kind),
    raw: kind === 'raw' && operation.stateChanging ? rawBodies : fc.constant(undefined),
  });
}

async function clientFor(caller: 'admin' | 'anonymous', operation: Operation): Promise<TestClient> {
  if (caller === 'anonymous') return new TestClient(world.stride.app, { remoteAddress: randomAddress() });
  if (operation.key !== 'DELETE /api/v1/session') return world.session('admin').clone({ remoteAddress: randomAddress() });
  // Signing out ends the session it is called with: give it one of its own.
  const client = new TestClient(world.stride.app, { remoteAddress: randomAddress() });
  const res = await client.post('/api/v1/session', { email: world.people.admin.email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`fuzz: admin cannot sign in: ${res.status}`);
  return client;
}

async function send(client: TestClient, operation: Operation, input: Input): Promise<TestResponse> {
  const query = new URLSearchParams(input.query).toString();
  const url = fillPath(operation.path, input.params) + (query ? `?${query}` : '');
  if (input.raw) return client.request(operation.method, url, input.raw.payload, { 'content-type': input.raw.contentType });
  return client.request(operation.method, url, operation.stateChanging ? (input.body ?? {}) : undefined);
}

/** Work an accepted request started in the background (an import being applied) must end before the next case's snapshot. */
async function settle(operation: Operation, res: TestResponse): Promise<void> {
  if (operation.key === 'POST /api/v1/people-imports/{id}/apply' && res.status === 202) await world.importsSettled();
}

async function holds(caller: 'admin' | 'anonymous', operation: Operation, input: Input): Promise<void> {
  const client = await clientFor(caller, operation);
  const before = await fingerprintDatabase(world.stride.database);
  const res = await send(client, operation, input);
  cases += 1;
  const counts = tally.get(operation.key) ?? {};
  const statusClass = `${Math.floor(res.status / 100)}xx`;
  counts[statusClass] = (counts[statusClass] ?? 0) + 1;
  tally.set(operation.key, counts);
  await settle(operation, res);
  const described = `${operation.key} as ${caller} → ${res.status}`;
  expect(res.status, `${described}: ${res.text.slice(0, 400)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(String(res.headers['content-type']), `${described}: errors are problem+json`).toMatch(/^application\/problem\+json/);
  }
  if (res.status >= 400 || operation.method === 'GET') {
    const after = await fingerprintDatabase(world.stride.database);
    expect(fingerprintDiff(before, after), `${described}: a ${operation.method === 'GET' ? 'read' : 'rejected request'} changed the database`).toEqual([]);
  }
}

describe('fuzzing every operation', () => {
  it('finds operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  for (const kind of kinds) {
    it(`${kind} inputs: no 5xx, errors as problem+json, nothing written by a rejected request`, { timeout: 600_000 }, async () => {
      const before = cases;
      for (const operation of operations) {
        if (kind === 'raw' && !operation.stateChanging) continue;
        const callers: ('admin' | 'anonymous')[] = ['admin', 'anonymous'];
        for (const caller of callers) {
          // Anonymous callers are stopped before validation on protected operations; a few cases show that holds.
          const numRuns = caller === 'admin' ? (operation.key === 'DELETE /api/v1/session' ? Math.min(runs, 4) : runs) : Math.max(2, Math.floor(runs / 4));
          await fc.assert(
            fc.asyncProperty(inputArbitrary(operation, kind), (input) => holds(caller, operation, input)),
            { numRuns, seed, endOnFailure: true },
          );
        }
      }
      console.info(`fuzz (${kind}): ${cases - before} requests over ${operations.length} operations`);
    });
  }

  it('left no unhandled rejection behind', () => {
    expect(unhandled).toEqual([]);
    const lines = [...tally].map(([key, counts]) => `  ${key}: ${Object.entries(counts).sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);
    console.info(`fuzz: ${cases} requests in all\n${lines.join('\n')}`);
  });
});

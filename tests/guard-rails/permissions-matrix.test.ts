import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable } from './access-table';
import { callers, outsiders, type AccessEntry, type Caller, type Outcome } from './access/expectations';
import { createWorld, type World } from './cast';
import { fillPath, listOperations, type Operation } from './openapi-operations';
import type { TestResponse } from '../support/test-client';
import { fingerprintDatabase, fingerprintDiff } from '../support/database-fingerprint';

// Every operation the OpenAPI document publishes, called by every caller
// against records that belong to the learner. The table beside this file says
// what each caller may do; this test holds the server to it.

let world: World;
let operations: Operation[];

beforeAll(async () => {
  world = await createWorld();
  operations = listOperations(world.stride.app);
});
afterAll(async () => {
  await world?.close();
});

function withQuery(url: string, query: Record<string, string> | undefined): string {
  if (!query || Object.keys(query).length === 0) return url;
  return `${url}?${new URLSearchParams(query).toString()}`;
}

/** Prepares one caller's request (records it needs are created now), and returns how to send it. */
async function prepare(operation: Operation, entry: AccessEntry, caller: Caller): Promise<() => Promise<TestResponse>> {
  const spec = (await entry.request?.(world, caller)) ?? {};
  const client = entry.endsSession ? await world.freshSession(caller) : world.session(caller).clone();
  const url = withQuery(fillPath(operation.path, spec.params ?? {}), spec.query);
  const body = operation.stateChanging ? (spec.body ?? {}) : undefined;
  return () => client.request(operation.method, url, body);
}

function judge(outcome: Outcome, caller: Caller, res: TestResponse): string | undefined {
  const status = res.status;
  if (status >= 500) return `server error ${status}: ${res.text.slice(0, 300)}`;
  if (outcome === 'allow' || outcome === 'scoped') {
    if (status < 200 || status > 299) return `expected success, got ${status}: ${res.text.slice(0, 300)}`;
  } else if (caller === 'anonymous') {
    if (status !== 401) return `expected 401 for an anonymous caller, got ${status}`;
  } else if (status !== 403 && status !== 404) {
    return `expected 403 or 404, got ${status}: ${res.text.slice(0, 200)}`;
  }
  if (outcome !== 'allow' || outsiders.includes(caller)) {
    const leaked = world.learnerMarkers.filter((m) => res.text.toLowerCase().includes(m.toLowerCase()));
    if (leaked.length > 0) return `response carries the learner's private data (${leaked.join(', ')})`;
  }
  return undefined;
}

describe('permissions matrix', () => {
  it('has an expected-access entry for every published operation, and none for operations that no longer exist', () => {
    const published = operations.map((o) => o.key);
    const missing = published.filter((k) => !accessTable[k]);
    const stale = Object.keys(accessTable).filter((k) => !published.includes(k));
    expect(missing, 'operations without an entry in tests/guard-rails/access/*.ts — say who may call them').toEqual([]);
    expect(stale, 'entries for operations that are not published').toEqual([]);
  });

  it('states an outcome for every caller in every entry', () => {
    for (const [key, entry] of Object.entries(accessTable)) {
      expect(Object.keys(entry.expect).sort(), key).toEqual([...callers].sort());
    }
  });

  it('answers every operation × caller as the table says, and leaks nothing of the learner', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const operation of operations) {
      const entry = accessTable[operation.key];
      if (!entry) continue; // reported by the first test
      for (const caller of callers) {
        const outcome = entry.expect[caller];
        const send = await prepare(operation, entry, caller);
        const before = outcome === 'deny' ? await fingerprintDatabase(world.stride.database) : undefined;
        const res = await send();
        cells += 1;
        await entry.settle?.(world);
        let problem = judge(outcome, caller, res);
        if (!problem && before) {
          // A refused caller changes nothing, not even half a write.
          const changed = fingerprintDiff(before, await fingerprintDatabase(world.stride.database));
          if (changed.length > 0) problem = `refused, yet the database changed: ${changed.join(', ')}`;
        }
        if (problem) failures.push(`${operation.key} as ${caller} (expected ${outcome}): ${problem}`);
      }
    }
    console.info(`permissions matrix: ${operations.length} operations × ${callers.length} callers = ${cells} calls`);
    expect(failures).toEqual([]);
    expect(cells).toBe(operations.length * callers.length);
    // Nearly a thousand calls and growing with every operation: the suite's 30 s per test would
    // fail it on a busy machine for no fault of the table.
  }, 900_000);
});

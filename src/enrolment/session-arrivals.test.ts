import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { AppError } from '../platform/http/app-error';
import { arriveAt, MAX_WAIT_MS, type WriteArrivals } from './session-arrivals';

// The queue in front of a session (decision 031) keeps decision 014's promise: an application
// that cannot be written in time is answered "busy" with nothing written, and nobody waits forever.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('CA-3 decision 014 031 the queue in front of a session', () => {
  it('answers "busy" (503) to an application that waited too long, without writing it; the others are written in order', async () => {
    const session = randomUUID();
    const written: string[] = [];
    const realNow = Date.now;
    let late: Promise<string> | undefined;
    let next: Promise<string> | undefined;
    const writeAll: WriteArrivals<string, string> = async (_tx, _target, items) => {
      written.push(...items);
      if (items.includes('first')) {
        // While the first transaction runs, another application arrives; then the clock jumps past the wait limit.
        late = arriveAt(database.db, session, 'late', writeAll);
        const now = realNow();
        vi.spyOn(Date, 'now').mockReturnValue(now + MAX_WAIT_MS + 1);
      }
      return items.map((i) => `ok ${i}`);
    };
    try {
      expect(await arriveAt(database.db, session, 'first', writeAll)).toBe('ok first');
      const refusal = await late!.then(() => null, (e: unknown) => e);
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe('unavailable');
      expect(written).toEqual(['first']);
      // The queue is free again: the next application is written at once.
      next = arriveAt(database.db, session, 'next', writeAll);
      expect(await next).toBe('ok next');
      expect(written).toEqual(['first', 'next']);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a writer that throws answers everyone waiting with its error; the session takes applications again after', async () => {
    const session = randomUUID();
    const broken: WriteArrivals<string, string> = async () => {
      throw new Error('disk on fire');
    };
    const answers = await Promise.allSettled(['a', 'b', 'c'].map((i) => arriveAt(database.db, session, i, broken)));
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const fine: WriteArrivals<string, string> = async (_tx, _target, items) => items.map((i) => `ok ${i}`);
    expect(await arriveAt(database.db, session, 'd', fine)).toBe('ok d');
  });
});

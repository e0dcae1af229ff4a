import { isDatabaseUnavailable, type Db, type Tx } from '../platform/db/database';
import { lockSession } from '../catalog/sessions-for-enrolment';
import { AppError } from '../platform/http/app-error';
import { writeEnrolment, type LockedSession } from './enrolment-context';

// Applications to one session, written in turns (issue 10, decision 031). A session takes one
// enrolment write at a time (its row lock, decision 014), so a crowd applying to one session used
// to queue on that lock, each holding a pooled connection while it waited, and each writing its
// twenty-odd statements in turn. Here the applications to a session that arrive while its previous
// transaction runs wait in this process instead, and go in together: one transaction, one lock,
// written in arrival order by `writeAll` (which writes them exactly as one transaction each, one
// after the other, would have). The lock is still taken, so other processes and the other writes
// to the session (cancel, approve, nominate) still take their turn on it.

/** Writes arrivals in the order given, under the session's lock, returning each one's answer. */
export type WriteArrivals<I, T> = (tx: Tx, target: LockedSession | undefined, items: I[]) => Promise<T[]>;

type Waiting = { item: unknown; writeAll: WriteArrivals<unknown, unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void; arrived: number };

/** The most arrivals one transaction writes: bounds how long the session's lock is held at once. */
export const ARRIVALS_PER_TRANSACTION = 50;

/**
 * Decision 014's promise kept in the queue: an application that cannot be written within this
 * long is answered "busy, try again" (503 with Retry-After) with nothing written, so a client gone
 * by then is never enrolled behind its back. As long as a statement may take (the query timeout):
 * 5 s answered a thousand simultaneous applicants on a loaded two-core machine with 503s.
 */
export const MAX_WAIT_MS = 30_000;
/** Beyond this many waiting at one session, a newcomer is answered "busy" at once: memory stays bounded. */
export const MAX_WAITING_PER_SESSION = 5_000;

const busy = () => new AppError('unavailable', 'Many people are applying for this session right now. Please try again in a moment.');

const queues = new WeakMap<Db, Map<string, Waiting[]>>();

/**
 * Writes one arrival at the session with `writeAll`, in a transaction it may share with the
 * arrivals that came while the session's previous one was being written.
 */
export function arriveAt<I, T>(db: Db, sessionId: string, item: I, writeAll: WriteArrivals<I, T>): Promise<T> {
  let bySession = queues.get(db);
  if (!bySession) queues.set(db, (bySession = new Map()));
  const sessions = bySession;
  return new Promise<T>((resolve, reject) => {
    const waiting = { item, writeAll, resolve, reject, arrived: Date.now() } as Waiting;
    const queue = sessions.get(sessionId);
    if (queue) {
      if (queue.length >= MAX_WAITING_PER_SESSION) return reject(busy());
      queue.push(waiting);
      return;
    }
    sessions.set(sessionId, [waiting]);
    void takeTurns(db, sessions, sessionId);
  });
}

async function takeTurns(db: Db, sessions: Map<string, Waiting[]>, sessionId: string): Promise<void> {
  const queue = sessions.get(sessionId)!;
  try {
    while (queue.length > 0) {
      // One turn of the event loop first, so the requests read in this one join in. The embedded
      // engine answers without I/O, so a whole transaction can run without the loop ever turning:
      // without this wait every application there went alone.
      await new Promise<void>((resolve) => setImmediate(resolve));
      // Those that waited too long are answered "busy" before anything is written for them.
      const stale = Date.now() - MAX_WAIT_MS;
      while (queue.length > 0 && queue[0]!.arrived < stale) queue.shift()!.reject(busy());
      if (queue.length === 0) break;
      // The next arrivals written the same way, in order.
      let n = 1;
      while (n < queue.length && n < ARRIVALS_PER_TRANSACTION && queue[n]!.writeAll === queue[0]!.writeAll) n++;
      await write(db, sessionId, queue.splice(0, n));
    }
  } catch (error) {
    // `write` answers every arrival it takes; should it ever throw, nobody waiting may hang.
    for (const w of queue.splice(0)) w.reject(error);
  } finally {
    sessions.delete(sessionId);
  }
}

async function write(db: Db, sessionId: string, batch: Waiting[]): Promise<void> {
  let results: unknown[];
  try {
    results = await writeEnrolment(db, async (tx) => batch[0]!.writeAll(tx, await lockSession(tx, sessionId), batch.map((w) => w.item)));
  } catch (error) {
    // No connection (503, try again) is everyone's answer. Anything else was one arrival's
    // refusal (the same person twice, a session closed meanwhile) and rolled back the others
    // with it: each is written again on its own and gets its own answer.
    if (batch.length === 1 || isDatabaseUnavailable(error)) {
      for (const w of batch) w.reject(error);
      return;
    }
    for (const w of batch) await write(db, sessionId, [w]);
    return;
  }
  batch.forEach((w, i) => w.resolve(results[i]));
}

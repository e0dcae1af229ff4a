import type { DbOrTx } from '../platform/db/database';
import type { CourseRow } from './read-course';
import type { SessionRow } from './session-view';

// A session's time, place or status matters to whoever holds a seat in it, which the catalog does
// not know about. Capabilities that do (enrolment: invitations, waitlists) listen here; the app
// shell registers them (app/routes.ts), and each runs inside the transaction of the change, so a
// new time and its updated invitations commit together or not at all.

export type SessionChange = {
  kind: 'changed' | 'cancelled';
  before: SessionRow;
  session: SessionRow;
  course: CourseRow;
  /** The fields whose value changed (for 'cancelled': status). */
  changed: readonly string[];
  actor: { id: string; name: string };
  now: Date;
};

export type SessionChangeListener = (tx: DbOrTx, change: SessionChange) => Promise<void>;

// By name: registering again (another app in the same process, as tests build) replaces, never doubles.
const listeners = new Map<string, SessionChangeListener>();

export function onSessionChange(name: string, listener: SessionChangeListener): void {
  listeners.set(name, listener);
}

export async function announceSessionChange(tx: DbOrTx, change: SessionChange): Promise<void> {
  for (const listener of listeners.values()) await listener(tx, change);
}

import type { DbOrTx } from '../platform/db/database';
import { findOfferings, type Offerings } from '../catalog/find-offerings';
import type { DigestWindow } from './digest-schedule';
import { freeSeats } from './enrolment-facts';

export type DigestSource = { offerings: Offerings; freeSeats: Map<string, number> };

/** The catalog's offerings in a window, and the seats left on its sessions: what digests are cut from. */
export async function loadDigestSource(tx: DbOrTx, window: DigestWindow, now: Date): Promise<DigestSource> {
  const offerings = await findOfferings(tx, { publishedSince: window.newSince, sessionsFrom: now, sessionsUntil: window.upcomingUntil });
  return { offerings, freeSeats: await freeSeats(tx, offerings.sessions) };
}

import type { Database } from '../../src/platform/db/database';
import { headersFor, type Fixtures } from '../lib/fixtures';
import { load, type LoadResult } from '../lib/load';

// The apply race (CA-3, decision 014): every applicant applies to every race session at once,
// `connections` requests in flight, the sessions interleaved so each has its crowd at the same time.

export type RaceResult = { applications: number; seconds: number; perSecond: number; load: LoadResult; check: RaceCheck };
export type RaceCheck = { ok: boolean; sessions: number; problems: string[] };

export async function applyRace(origin: string, f: Fixtures, connections: number): Promise<Omit<RaceResult, 'check'>> {
  const sessions = f.raceSessionIds.length;
  const total = sessions * f.applicantCookies.length;
  let k = 0;
  const started = performance.now();
  const result = await load(origin, {
    connections: Math.min(connections, total),
    amount: total,
    timeoutSeconds: 120,
    next: () => {
      const i = k++ % total;
      return { method: 'POST', path: `/api/v1/course-sessions/${f.raceSessionIds[i % sessions]}/enrolments`, headers: headersFor(f.applicantCookies[Math.floor(i / sessions)]!, true), body: '{}' };
    },
  });
  const seconds = (performance.now() - started) / 1000;
  return { applications: total, seconds, perSecond: total / seconds, load: result };
}

/** Exactly `seats` confirmed per session, the rest waitlisted, positions 1..n with the seats first: the order of arrival. */
export async function checkRace(database: Database, f: Fixtures, seats: number): Promise<RaceCheck> {
  const problems: string[] = [];
  const applicants = f.applicantCookies.length;
  const { rows } = await database.execute(
    `SELECT session_id::text AS id, count(*)::int AS n,
            count(*) FILTER (WHERE state = 'confirmed')::int AS confirmed,
            count(*) FILTER (WHERE state = 'waitlisted')::int AS waitlisted,
            min(position)::int AS first, max(position)::int AS last, count(DISTINCT position)::int AS positions,
            coalesce(max(position) FILTER (WHERE state = 'confirmed'), 0)::int AS last_seat,
            coalesce(min(position) FILTER (WHERE state = 'waitlisted'), 0)::int AS first_wait
     FROM enrolments WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`,
    [f.raceSessionIds],
  );
  const wantConfirmed = Math.min(seats, applicants);
  if (rows.length !== f.raceSessionIds.length) problems.push(`${f.raceSessionIds.length - rows.length} sessions have no enrolments`);
  for (const r of rows) {
    const bad = [
      r.n !== applicants && `${r.n} enrolments, not ${applicants}`,
      r.confirmed !== wantConfirmed && `${r.confirmed} confirmed, not ${wantConfirmed}`,
      r.waitlisted !== applicants - wantConfirmed && `${r.waitlisted} waitlisted, not ${applicants - wantConfirmed}`,
      (r.first !== 1 || r.last !== applicants || r.positions !== applicants) && `positions ${r.first}..${r.last} (${r.positions} distinct)`,
      r.last_seat !== wantConfirmed && `the last seat is position ${r.last_seat}`,
      applicants > wantConfirmed && r.first_wait !== wantConfirmed + 1 && `the waitlist starts at position ${r.first_wait}`,
    ].filter(Boolean);
    if (bad.length) problems.push(`session ${r.id}: ${bad.join(', ')}`);
  }
  return { ok: problems.length === 0, sessions: rows.length, problems };
}

import type { Database } from '../../src/platform/db/database';
import { headersFor, type Fixtures } from '../lib/fixtures';
import http from 'node:http';
import type { LoadResult } from '../lib/load';
import { summarize } from '../lib/stats';

// The apply race (CA-3, decision 014): every applicant applies to every race session at once,
// `connections` requests in flight, the sessions interleaved so each has its crowd at the same time.
// A 503 is Stride saying "busy, try again" (no database connection within 5 s; never an extra
// seat): the applicant tries again after Retry-After, as a client should, so every
// application lands and the check can demand all of them. autocannon cannot retry one request,
// so this scenario drives keep-alive sockets itself; the latency is the final attempt's.

export type RaceResult = { applications: number; seconds: number; perSecond: number; retries: number; load: LoadResult; check: RaceCheck };
export type RaceCheck = { ok: boolean; sessions: number; problems: string[] };

function post(agent: http.Agent, origin: URL, path: string, headers: Record<string, string>): Promise<{ status: number; retryAfter: number }> {
  return new Promise((resolve) => {
    const req = http.request({ agent, host: origin.hostname, port: origin.port, method: 'POST', path, headers: { ...headers, 'content-length': '2' }, timeout: 120_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 1) }));
    });
    req.on('error', () => resolve({ status: 0, retryAfter: 1 }));
    req.on('timeout', () => req.destroy());
    req.end('{}');
  });
}

export async function applyRace(originText: string, f: Fixtures, connections: number): Promise<Omit<RaceResult, 'check'>> {
  const origin = new URL(originText);
  const sessions = f.raceSessionIds.length;
  const total = sessions * f.applicantCookies.length;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let retries = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(connections, total) }, async () => {
    for (let i = next++; i < total; i = next++) {
      const path = `/api/v1/course-sessions/${f.raceSessionIds[i % sessions]}/enrolments`;
      const headers = headersFor(f.applicantCookies[Math.floor(i / sessions)]!, true);
      for (let attempt = 0; ; attempt++) {
        const t0 = performance.now();
        const { status, retryAfter } = await post(agent, origin, path, headers);
        if ((status === 503 || status === 0) && attempt < 20) {
          retries++;
          await new Promise((r) => setTimeout(r, Math.min(5, retryAfter) * 1000 * (0.5 + Math.random())));
          continue;
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status < 400 && status > 0) latencies.push(performance.now() - t0);
        break;
      }
    }
  }));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return { applications: total, seconds, perSecond: total / seconds, retries, load: { ...summarize(latencies, seconds), statuses, errors: 0, timeouts: 0 } };
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

import os from 'node:os';
import type { LoadResult } from './load';
import { ms, type Latency } from './stats';
import type { RaceResult } from '../scenarios/apply-race';
import type { MailResult } from '../scenarios/mail-dispatch';

export type ReadRow = { key: string; label: string; connections: number; targetP95: number; stride: LoadResult; bare: LoadResult; sql: Latency; statements: number };
export type Report = {
  engine: string;
  target: string;
  sizes: Record<string, number>;
  seconds: number;
  reads: ReadRow[];
  race?: RaceResult & { sessions: number; applicants: number; seats: number; targetPerSecond: number };
  mail?: MailResult & { deferred: number };
  coldStartMs: number;
  rssIdleMb: number;
  rssPeakMb: number;
  totalSeconds: number;
};

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const failures = (r: LoadResult) => Object.entries(r.statuses).filter(([s]) => Number(s) >= 400).reduce((n, [, c]) => n + c, 0) + r.errors + r.timeouts;

/** The markdown table PERFORMANCE.md quotes. */
export function renderReport(r: Report): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `## ${r.engine} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}. Target: ${r.target}.`,
    `Data: ${Object.entries(r.sizes).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}. Each read scenario ran ${r.seconds} s after a 2 s warm-up.`,
    '',
    '| Scenario | Conns | Target | Stride p50 / p95 / p99 (ms) | Stride req/s | Failed | (a) bare Fastify p50 | (b) SQL via driver p50 (stmts) | p50 ÷ (a+b) | Verdict |',
    '|---|---:|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of r.reads) {
    const ratio = row.stride.p50 / (row.bare.p50 + row.sql.p50);
    lines.push(
      `| ${row.label} | ${row.connections} | p95 ≤ ${row.targetP95} ms | ${ms(row.stride.p50)} / ${ms(row.stride.p95)} / ${ms(row.stride.p99)} | ${row.stride.perSecond.toFixed(0)} | ${failures(row.stride)} | ${ms(row.bare.p50)} | ${ms(row.sql.p50)} (${row.statements}) | ${ratio.toFixed(1)}× | ${verdict(row.stride.p95 <= row.targetP95 && failures(row.stride) === 0)}${ratio > 3 ? ', ratio > 3×' : ''} |`,
    );
  }
  lines.push('');
  if (r.race) {
    const x = r.race;
    lines.push(
      `**Apply race**: ${x.applicants.toLocaleString('en')} applicants × ${x.sessions} sessions of ${x.seats} seats = ${x.applications.toLocaleString('en')} applications, ${x.load.count.toLocaleString('en')} answered 2xx, ${failures(x.load)} failed, in ${x.seconds.toFixed(1)} s: **${x.perSecond.toFixed(0)} applications/s** (target ≥ ${x.targetPerSecond}: ${verdict(x.perSecond >= x.targetPerSecond)}); p50 / p95 ${ms(x.load.p50)} / ${ms(x.load.p95)} ms. ` +
        `Correctness: ${x.check.ok ? `every session has exactly ${x.seats} confirmed at positions 1–${x.seats} and the rest waitlisted from ${x.seats + 1} in arrival order (${x.check.sessions} sessions checked)` : `**FAILED**: ${x.check.problems.slice(0, 5).join('; ')}`}.`,
      '',
    );
  }
  if (r.mail) {
    const m = r.mail;
    lines.push(
      `**Mail dispatch**: ${m.count.toLocaleString('en')} queued messages to a local SMTP sink. Before the kill: ${m.beforeKill.delivered.toLocaleString('en')} in ${m.beforeKill.seconds.toFixed(1)} s = **${m.beforeKill.perSecond.toFixed(0)}/s** (target ≥ 500: ${verdict(m.beforeKill.perSecond >= 500)}); ` +
        `then \`kill -9\`, restart (${(m.afterRestart.restartMs / 1000).toFixed(1)} s to serve) and the remaining ${m.afterRestart.delivered.toLocaleString('en')} in ${m.afterRestart.seconds.toFixed(1)} s (${m.afterRestart.perSecond.toFixed(0)}/s, restart included). ` +
        `Delivered ${m.delivered.toLocaleString('en')} distinct Message-IDs, lost ${m.count - m.delivered}; re-sent after the kill with the same Message-ID (the receiver collapses them; decision 003 allows at most the claimed batch): ${m.doubled}; outbox rows marked sent ${m.outboxSent.toLocaleString('en')} of ${m.count.toLocaleString('en')}: ${m.ok ? 'none lost, none queued or delivered twice under distinct ids' : '**FAILED**'}.` +
        (m.deferred ? ` (${m.deferred.toLocaleString('en')} messages queued earlier, mostly the race's confirmations, were deferred a day so the scenario timed its own.)` : ''),
      '',
    );
  }
  lines.push(`Load average on the machine when the bench ended: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min; other work shares the cores).`, "");
  lines.push(`**Cold start** to the first 200 (GET /healthz) on the existing data: ${(r.coldStartMs / 1000).toFixed(1)} s. **RSS**: ${r.rssIdleMb.toFixed(0)} MB idle after start, ${r.rssPeakMb.toFixed(0)} MB peak under load (reads and race). Whole bench: ${(r.totalSeconds / 60).toFixed(1)} min.`, '');
  return lines.join('\n');
}

import { loadConfig, type Config } from '../platform/config';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/database';
import { systemClock } from '../platform/clock';
import { startJobs, type Jobs } from '../platform/jobs/jobs';
import { startMailDelivery, type DeliveryWorker } from '../platform/mail/delivery-worker';
import { registerMailJobs } from '../platform/mail/schedule-mail';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { registerAccountJobs } from '../account/purge-expired-sessions';
import { registerServiceLevelJobs } from '../service-levels/warn-at-risk-clocks';
import { registerEnrolmentJobs } from '../enrolment/send-reminders';
import { registerMarketingJobs } from '../marketing/send-due-digests';
import { registerFollowUpJobs } from '../follow-up/open-due-follow-ups';
import { registerCertificateJobs } from '../certificates/issue-certificates';
import { registerRetentionJobs } from '../retention/remind-check-ins';
import { registerSuggestionJobs } from '../suggestions/remind-reviewers';
import { seedDemo, type DemoSignIn } from '../demo/seed-demo';
import { DEMO_PASSWORD } from '../demo/demo-organization';
import { buildApp } from './build-app';
import type { App } from '../platform/http/types';

export type RunningStride = { app: App; database: Database; url: string; demo: DemoSignIn[] | undefined; stop(): Promise<void> };

/** Opens the database, applies migrations, loads the demo on first start, starts workers and serves. */
export async function startStride(config: Config = loadConfig()): Promise<RunningStride> {
  const database = config.databaseUrl ? await openDatabase({ databaseUrl: config.databaseUrl }) : await openDatabase({ dataDir: config.dataDir });
  let jobs: Jobs | undefined;
  let mail: DeliveryWorker | undefined;
  try {
    await migrateDatabase(database);
    const demo = config.demo ? await seedDemo(database.db) : undefined;
    // The embedded engine's data-dir lock admits one process, so mail or jobs found in progress
    // at start belong to a process that died, and are retried at once. On a server another
    // live process may hold them; only the mail lease and the job expiry can tell.
    const soleProcess = database.engine === 'pglite';
    const { app, deps } = await buildApp({
      database,
      clock: systemClock,
      publicUrl: config.publicUrl,
      mailDeliveryConfigured: !!config.smtpUrl,
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
    });
    // Jobs start once the app's logger exists, so their failures are logged through its scrubbing serializers.
    jobs = await startJobs(database, {
      expireSeconds: config.jobExpireSeconds,
      superviseSeconds: config.jobSuperviseSeconds,
      retryDelaySeconds: config.jobRetryDelaySeconds,
      soleProcess,
      logger: app.log,
    });
    deps.jobs = jobs;
    await registerAccountJobs(jobs, database.db, systemClock);
    await registerMailJobs(jobs, database.db);
    await registerServiceLevelJobs(jobs, database.db, systemClock);
    await registerEnrolmentJobs(jobs, database.db, systemClock, config.publicUrl);
    await registerMarketingJobs(jobs, database.db, systemClock, config.publicUrl);
    await registerFollowUpJobs(jobs, { db: database.db, clock: systemClock, publicUrl: config.publicUrl });
    await registerCertificateJobs(jobs, { db: database.db, clock: systemClock, publicUrl: config.publicUrl });
    await registerRetentionJobs(jobs, { db: database.db, clock: systemClock, publicUrl: config.publicUrl });
    await registerSuggestionJobs(jobs, { db: database.db, clock: systemClock, publicUrl: config.publicUrl });
    if (config.smtpUrl) {
      const unit = await getUnitSettings(database.db);
      mail = startMailDelivery({
        database,
        smtpUrl: config.smtpUrl,
        from: config.mailFrom ?? `"${unit.unitName}" <${unit.contactEmail}>`,
        logger: app.log,
        leaseSeconds: config.mailLeaseSeconds,
        soleProcess,
      });
    }
    const address = await app.listen({ port: config.port, host: config.host });
    const port = new URL(address).port;
    return {
      app,
      database,
      url: `http://localhost:${port}`,
      demo,
      async stop() {
        await app.close();
        await mail?.stop();
        await jobs?.stop();
        await database.close();
      },
    };
  } catch (e) {
    await mail?.stop().catch(() => {});
    await jobs?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw e;
  }
}

export function describeDemo(demo: DemoSignIn[] | undefined): string {
  if (!demo) return '';
  const width = Math.max(...demo.map((d) => d.label.length));
  return ['Demo sign-ins (password for all: ' + DEMO_PASSWORD + '):', ...demo.map((d) => `  ${d.label.padEnd(width)}  ${d.email}  (${d.name})`)].join('\n');
}

import type { Clock } from './clock';
import type { Database, Db } from './db/database';
import type { Jobs } from './jobs/jobs';

/** What every capability's routes and use cases are given by the app shell. */
export type Deps = {
  database: Database;
  db: Db;
  clock: Clock;
  /** Base URL people reach Stride at; used in links inside mail. */
  publicUrl: string;
  jobs: Jobs | undefined;
  mailDeliveryConfigured: boolean;
};

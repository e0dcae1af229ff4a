import path from 'node:path';
import type { Database } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import type { Deps } from '../platform/context';
import { buildServer } from '../platform/http/server';
import type { App } from '../platform/http/types';
import { resolveActor } from '../account/resolve-actor';
import { registerRoutes } from './routes';

export const webRoot = path.resolve(import.meta.dirname, '../../dist/web');

export type AppOptions = {
  database: Database;
  clock: Clock;
  publicUrl: string;
  jobs?: Jobs;
  mailDeliveryConfigured?: boolean;
  logLevel?: string;
  trustProxy?: boolean;
  serveWeb?: boolean;
  /** Where log lines go (default: stdout); tests capture them to check what is logged. */
  logStream?: NodeJS.WritableStream;
};

/** Composes the platform and the capabilities into one HTTP application. */
export async function buildApp(options: AppOptions): Promise<{ app: App; deps: Deps }> {
  const deps: Deps = {
    database: options.database,
    db: options.database.db,
    clock: options.clock,
    publicUrl: options.publicUrl,
    jobs: options.jobs,
    mailDeliveryConfigured: options.mailDeliveryConfigured ?? false,
  };
  const app = await buildServer({
    database: options.database,
    resolveActor: (token) => resolveActor(deps.db, deps.clock, token),
    registerRoutes: (api) => registerRoutes(api, deps),
    logLevel: options.logLevel ?? 'warn',
    trustProxy: options.trustProxy ?? false,
    webRoot: options.serveWeb === false ? undefined : webRoot,
    logStream: options.logStream,
  });
  return { app, deps };
}

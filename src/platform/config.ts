import { z } from 'zod';

// Configuration is read and validated once, at boot; a bad value stops the
// process with the full list of what is wrong instead of failing later.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  STRIDE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).optional(),
  STRIDE_DEMO: z.enum(['0', '1']).default('1'),
  STRIDE_PUBLIC_URL: z.string().url().optional(),
  STRIDE_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Crash recovery on a shared PostgreSQL server, where a dead process's work can only be
  // told from a live one's by a deadline (see docs/decisions/006-crash-safety.md). The lease
  // and the expiry must outlast the slowest honest attempt; lowering them trades duplicate
  // attempts for faster recovery.
  STRIDE_MAIL_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(120),
  // pg-boss refuses an expiry of 24 h or more.
  STRIDE_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(86_399).default(900),
  STRIDE_JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  STRIDE_JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  demo: boolean;
  publicUrl: string;
  trustProxy: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** How long a claimed outbox message is reserved before another process may retry it. */
  mailLeaseSeconds: number;
  /** How long a job may stay active before it counts as abandoned and is retried. */
  jobExpireSeconds: number;
  /** How often one process looks for abandoned jobs (pg-boss maintenance). */
  jobSuperviseSeconds: number;
  /** The first retry's delay for a failed or abandoned job; it doubles (with jitter) after. */
  jobRetryDelaySeconds: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Stride cannot start; the configuration has problems:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.STRIDE_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demo: e.STRIDE_DEMO === '1',
    publicUrl: (e.STRIDE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    trustProxy: e.STRIDE_TRUST_PROXY === '1',
    logLevel: e.LOG_LEVEL,
    mailLeaseSeconds: e.STRIDE_MAIL_LEASE_SECONDS,
    jobExpireSeconds: e.STRIDE_JOB_EXPIRE_SECONDS,
    jobSuperviseSeconds: e.STRIDE_JOB_SUPERVISE_SECONDS,
    jobRetryDelaySeconds: e.STRIDE_JOB_RETRY_DELAY_SECONDS,
  };
}

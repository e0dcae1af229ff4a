import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('configuration', () => {
  it('lists every invalid variable at once', () => {
    const message = problemsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail.example', STRIDE_DEMO: 'yes', LOG_LEVEL: 'loud' });
    expect(message).toMatch(/^Stride cannot start; the configuration has problems:/);
    const lines = message.split('\n').slice(1);
    expect(lines.map((l) => /^ {2}- (\w+):/.exec(l)?.[1]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SMTP_URL', 'STRIDE_DEMO']);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(message).toMatch(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });

  it('refuses a port out of range or not a whole number', () => {
    expect(problemsOf({ PORT: '70000' })).toMatch(/PORT/);
    expect(problemsOf({ PORT: '80.5' })).toMatch(/PORT/);
    expect(problemsOf({ PORT: '-1' })).toMatch(/PORT/);
  });

  it('refuses a public URL that is not a URL', () => {
    expect(problemsOf({ STRIDE_PUBLIC_URL: 'stride.example.org' })).toMatch(/STRIDE_PUBLIC_URL/);
  });

  it('has defaults that start the embedded demo on port 3000 for everyone on the network', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      databaseUrl: undefined,
      smtpUrl: undefined,
      mailFrom: undefined,
      demo: true,
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      logLevel: 'info',
      mailLeaseSeconds: 120,
      jobExpireSeconds: 900,
      jobSuperviseSeconds: 60,
      jobRetryDelaySeconds: 30,
    });
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', SMTP_URL: '', STRIDE_DEMO: '', STRIDE_PUBLIC_URL: '' });
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, smtpUrl: undefined, demo: true, publicUrl: 'http://localhost:3000' });
  });

  it('reads the given values', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      STRIDE_DATA_DIR: '/var/lib/stride',
      DATABASE_URL: 'postgresql://stride@db:5432/stride',
      SMTP_URL: 'smtps://user:pw@mail.example:465',
      MAIL_FROM: 'Learning <learning@example.org>',
      STRIDE_DEMO: '0',
      STRIDE_PUBLIC_URL: 'https://stride.example.org/',
      STRIDE_TRUST_PROXY: '1',
      LOG_LEVEL: 'debug',
      STRIDE_MAIL_LEASE_SECONDS: '10',
      STRIDE_JOB_EXPIRE_SECONDS: '8',
      STRIDE_JOB_SUPERVISE_SECONDS: '2',
      STRIDE_JOB_RETRY_DELAY_SECONDS: '0',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/stride',
      databaseUrl: 'postgresql://stride@db:5432/stride',
      smtpUrl: 'smtps://user:pw@mail.example:465',
      mailFrom: 'Learning <learning@example.org>',
      demo: false,
      // No trailing slash, so links can be joined with a path.
      publicUrl: 'https://stride.example.org',
      trustProxy: true,
      logLevel: 'debug',
      mailLeaseSeconds: 10,
      jobExpireSeconds: 8,
      jobSuperviseSeconds: 2,
      jobRetryDelaySeconds: 0,
    });
  });

  it('refuses crash-recovery timings that would re-send live work or that pg-boss rejects', () => {
    // A lease shorter than one SMTP attempt lets a second process re-send a message still in flight.
    expect(problemsOf({ STRIDE_MAIL_LEASE_SECONDS: '1' })).toMatch(/STRIDE_MAIL_LEASE_SECONDS/);
    expect(problemsOf({ STRIDE_JOB_EXPIRE_SECONDS: '86400' })).toMatch(/STRIDE_JOB_EXPIRE_SECONDS/);
    expect(problemsOf({ STRIDE_JOB_SUPERVISE_SECONDS: '0' })).toMatch(/STRIDE_JOB_SUPERVISE_SECONDS/);
    expect(problemsOf({ STRIDE_JOB_RETRY_DELAY_SECONDS: '1.5' })).toMatch(/STRIDE_JOB_RETRY_DELAY_SECONDS/);
  });

  it('derives the public URL from the port when none is given', () => {
    expect(loadConfig({ PORT: '4321' }).publicUrl).toBe('http://localhost:4321');
  });
});

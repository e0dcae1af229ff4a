import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type SpawnedNode = {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr so far, interleaved as received. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first or time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<Exit>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with how it exited. */
  stop(graceMs?: number): Promise<Exit>;
};

/** Runs `node <args>` in the repository root with the TypeScript loader. */
export function spawnNode(args: string[], options: { env?: NodeJS.ProcessEnv; tsx?: boolean } = {}): SpawnedNode {
  const nodeArgs = options.tsx === false ? args : ['--import', 'tsx', ...args];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: repoRoot,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const onChunk = () => {
    for (const l of listeners) l();
  };
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    stdout += s;
    onChunk();
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    stderr += s;
    onChunk();
  });
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    // 'close' fires after the output streams are flushed.
    child.once('close', (code, signal) => {
      exit = { code, signal };
      onChunk();
      resolve(exit);
    });
  });
  if (child.pid === undefined) throw new Error(`could not spawn node ${nodeArgs.join(' ')}`);

  return {
    child,
    pid: child.pid,
    output: () => out,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForOutput(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) return done(() => resolve(m));
          if (exit) return done(() => reject(new Error(`process ${child.pid} exited (${exit!.code ?? exit!.signal}) before printing ${pattern}; output:\n${out}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`process ${child.pid} did not print ${pattern} within ${timeoutMs} ms; output:\n${out}`))), timeoutMs);
        const done = (f: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          f();
        };
        listeners.add(check);
        check();
      });
    },
    async stop(graceMs = 10_000) {
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exit) child.kill('SIGKILL');
      }, graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** The pid of a process that has certainly exited. */
export async function deadPid(): Promise<number> {
  const p = spawnNode(['-e', ''], { tsx: false });
  await p.exited;
  return p.pid;
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment for a child Stride: this one minus anything that would point it elsewhere. */
export function strideEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'SMTP_URL', 'MAIL_FROM', 'STRIDE_PUBLIC_URL', 'PORT', 'HOST', 'STRIDE_DATA_DIR', 'STRIDE_DEMO', 'LOG_LEVEL', 'NODE_OPTIONS']) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  return { ...env, ...vars };
}

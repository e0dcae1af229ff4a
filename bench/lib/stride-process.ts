import fs from 'node:fs';
import { freePort, spawnNode, strideEnv, type SpawnedNode } from '../../tests/support/process-spawn';

// Stride as people run it: the real entry (src/app/main.ts) in its own process, on loopback.

export type StrideServer = { child: SpawnedNode; origin: string; pid: number; coldStartMs: number };

/** Starts Stride and resolves at its first 200 (GET /healthz), timing spawn → first 200. */
export async function startStrideServer(env: Record<string, string>, timeoutMs = 600_000): Promise<StrideServer> {
  const port = await freePort();
  const started = performance.now();
  // STRIDE_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (Node refuses
  // --cpu-prof in NODE_OPTIONS, and the bench's own process should not be profiled).
  const nodeArgs = (process.env.STRIDE_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawnNode([...nodeArgs, 'src/app/main.ts'], { env: strideEnv({ PORT: String(port), HOST: '127.0.0.1', STRIDE_DEMO: '0', LOG_LEVEL: 'warn', ...env }) });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    const exit = await Promise.race([child.exited, new Promise((r) => setTimeout(r, 25, null))]);
    if (exit) throw new Error(`Stride exited before serving: ${child.output()}`);
    const ok = await fetch(`${origin}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) return { child, origin, pid: child.pid, coldStartMs: performance.now() - started };
    if (performance.now() - started > timeoutMs) {
      await child.stop(2000);
      throw new Error(`Stride did not answer within ${timeoutMs} ms: ${child.output()}`);
    }
  }
}

/** The resident set of a process now, in MB (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples a process's RSS every 200 ms until stopped; returns the highest seen. */
export function watchRss(pid: number): { stop(): number } {
  let peak = 0;
  const sample = () => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      /* the process is gone */
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

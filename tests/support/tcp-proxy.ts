import net from 'node:net';

export type ProxyMode = 'forward' | 'refuse' | 'blackhole' | 'stall';

export type TcpProxy = {
  port: number;
  mode(): ProxyMode;
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string;
  /** The server goes away: live connections are reset and new ones refused (ECONNREFUSED). */
  cut(): Promise<void>;
  /** A firewall dropping packets after a failover: live connections are reset, new ones accepted but never answered. */
  blackhole(): Promise<void>;
  /** A network partition: live connections freeze (nothing is lost, nothing arrives) and new ones are never answered. */
  stall(): Promise<void>;
  /** Back to normal: frozen connections deliver what they held; connections accepted while down are reset. */
  restore(): Promise<void>;
  /** Connections currently open through the proxy. */
  liveConnections(): number;
  close(): Promise<void>;
};

type Pair = { client: net.Socket; upstream: net.Socket | undefined; held: { to: 'client' | 'upstream'; chunk: Buffer }[] };

/**
 * A TCP proxy on 127.0.0.1 for outage tests: what sits between Stride and PostgreSQL, and can
 * fail the ways a network does. Data is forwarded by hand rather than piped so that a stall can
 * hold it back without pipe()'s back-pressure logic resuming the flow behind our back.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  const pairs = new Set<Pair>();
  const server = net.createServer(accept);
  server.on('error', () => {});

  function drop(pair: Pair) {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream?.destroy();
  }

  function send(pair: Pair, to: 'client' | 'upstream', chunk: Buffer) {
    if (mode === 'stall') {
      pair.held.push({ to, chunk });
      return;
    }
    const socket = to === 'client' ? pair.client : pair.upstream;
    if (socket && !socket.destroyed) socket.write(chunk);
  }

  function connectUpstream(pair: Pair) {
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('data', (chunk: Buffer) => send(pair, 'client', chunk));
    upstream.on('error', () => drop(pair));
    upstream.on('close', () => drop(pair));
  }

  function accept(client: net.Socket) {
    const pair: Pair = { client, upstream: undefined, held: [] };
    pairs.add(pair);
    client.on('error', () => drop(pair));
    client.on('close', () => drop(pair));
    client.on('data', (chunk: Buffer) => {
      // Accepted while down: swallow what the client says, answer nothing.
      if (!pair.upstream) return;
      send(pair, 'upstream', chunk);
    });
    if (mode === 'forward') connectUpstream(pair);
  }

  function listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  function stopListening(): Promise<void> {
    return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  }

  function resetAll() {
    for (const pair of [...pairs]) drop(pair);
  }

  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    mode: () => mode,
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async cut() {
      mode = 'refuse';
      resetAll();
      await stopListening();
    },
    async blackhole() {
      mode = 'blackhole';
      resetAll();
      if (!server.listening) await listen(port);
    },
    async stall() {
      mode = 'stall';
      if (!server.listening) await listen(port);
    },
    async restore() {
      const previous = mode;
      mode = 'forward';
      for (const pair of [...pairs]) {
        if (!pair.upstream) {
          drop(pair);
          continue;
        }
        if (previous === 'stall') for (const { to, chunk } of pair.held.splice(0)) send(pair, to, chunk);
      }
      if (!server.listening) await listen(port);
    },
    liveConnections: () => pairs.size,
    async close() {
      mode = 'refuse';
      resetAll();
      await stopListening();
    },
  };
}

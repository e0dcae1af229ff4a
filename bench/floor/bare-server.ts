import fs from 'node:fs';
import Fastify from 'fastify';

// Floor (a): the same HTTP framework with nothing of Stride in it — one JSON route per scenario
// answering the body Stride answered for it (read from BENCH_FLOOR_BODIES), serialized on each
// request. What Stride adds on top (auth, validation, SQL, mapping) is the rest of its latency.

const bodies = JSON.parse(fs.readFileSync(process.env.BENCH_FLOOR_BODIES!, 'utf8')) as Record<string, unknown>;
const app = Fastify({ logger: false });
app.get<{ Params: { name: string } }>('/floor/:name', async (request) => bodies[request.params.name] ?? {});
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`bare fastify listening at ${address}`);

import { checkResourceSpec, createManualClock, createRateLimiter, withRetry, wrapConnector } from '@accords/connector-kit';
import { createMemoryConnector } from '../src/examples/memory-connector';
import { measure } from '../src/bench';

const N = 20_000;
const memory = createMemoryConnector();
const made = await memory.create({ kind: 'compute', idempotencyKey: 'bench-key-1', regionId: 'mem-1', offerId: 'mem-1.small', name: 'b' });

await measure('baseline: direct connector.get', { n: N, run: async () => { for (let i = 0; i < N; i++) await memory.get(made.id); } });

const wrapped = wrapConnector(memory, { timeoutMs: 10_000 });
await measure('wrapConnector get (retry + deadline)', { n: N, baseline: 'baseline: direct connector.get', run: async () => { for (let i = 0; i < N; i++) await wrapped.get(made.id); } });

const limited = wrapConnector(memory, { rateLimit: { ratePerSecond: 1e9, burst: 1e9 } });
await measure('wrapConnector get (retry + rate limiter)', { n: N, baseline: 'baseline: direct connector.get', run: async () => { for (let i = 0; i < N; i++) await limited.get(made.id); } });

const plain = async (): Promise<number> => 1;
await measure('baseline: plain async call', { n: N, run: async () => { for (let i = 0; i < N; i++) await plain(); } });
await measure('withRetry around a succeeding call', { n: N, baseline: 'baseline: plain async call', run: async () => { for (let i = 0; i < N; i++) await withRetry(plain); } });

const limiter = createRateLimiter({ ratePerSecond: 1e9, burst: 1e9, clock: createManualClock() });
await measure('rate limiter acquire (tokens available)', { n: N, baseline: 'baseline: plain async call', run: async () => { for (let i = 0; i < N; i++) await limiter.acquire(); } });

const caps = memory.capabilities;
const spec = { kind: 'compute', idempotencyKey: 'bench-key-2', regionId: 'mem-1', offerId: 'mem-1.small', name: 'b', labels: { a: 'b' } };
await measure('checkResourceSpec', { n: N, run: () => { for (let i = 0; i < N; i++) checkResourceSpec(spec, caps); } });

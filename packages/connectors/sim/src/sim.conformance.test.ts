import { createManualClock, wrapConnector } from '@accords/connector-kit';
import type { ErrorMappingCase } from '@accords/connector-kit/conformance';
import { runConnectorConformance } from '@accords/connector-kit/conformance';
import { createSimConnector } from './sim-connector';

const spec = (i: number) => ({ kind: 'compute', idempotencyKey: `case-key-${i}`, regionId: 'boreal-se-lul', offerId: 'boreal-se-lul:std.2x', name: `n${i}` }) as const;

const errorCases: ErrorMappingCase[] = [
  {
    name: 'the region has no room left',
    expectKind: 'capacity',
    run: async () => {
      const sim = createSimConnector({ providerId: 'boreal', clock: createManualClock(), regionCapacity: 1 });
      await sim.create(spec(1));
      return sim.create(spec(2));
    },
  },
  {
    name: 'the account quota is used up',
    expectKind: 'quota',
    run: async () => {
      const sim = createSimConnector({ providerId: 'boreal', clock: createManualClock(), quota: { vcpus: 3 } });
      await sim.create(spec(1));
      return sim.create(spec(2));
    },
  },
  {
    name: 'HTTP 429 from the API rate limit',
    expectKind: 'throttled',
    run: async () => {
      const sim = createSimConnector({ providerId: 'boreal', clock: createManualClock(), apiRatePerSecond: 2 });
      await Promise.all([sim.regions(), sim.regions()]);
      return sim.regions();
    },
  },
  {
    name: 'HTTP 503',
    expectKind: 'transient',
    run: () => createSimConnector({ providerId: 'boreal', clock: createManualClock(), faults: { errorRate: 1 } }).list(),
  },
  {
    name: 'no answer before the deadline',
    expectKind: 'timeout',
    run: () => createSimConnector({ providerId: 'boreal', clock: createManualClock({ auto: true }), faults: { timeoutRate: 1 } }).list({ timeoutMs: 5_000 }),
  },
  {
    name: 'an idempotency key reused for another request',
    expectKind: 'conflict',
    run: async () => {
      const sim = createSimConnector({ providerId: 'boreal', clock: createManualClock() });
      await sim.create(spec(1));
      return sim.create({ ...spec(1), name: 'other' });
    },
  },
];

runConnectorConformance(
  () => {
    const clock = createManualClock();
    const sim = createSimConnector({ providerId: 'aurora', clock });
    return { connector: sim, advance: (ms) => clock.advance(ms), dispose: () => sim.close() };
  },
  { name: 'sim (instant)', errorCases },
);

runConnectorConformance(
  () => {
    const clock = createManualClock();
    const sim = createSimConnector({
      providerId: 'nimbus',
      clock,
      seed: 5,
      delays: { provisionMs: { compute: 45_000, storage: 10_000, network: 5_000 }, actionMs: 20_000, deleteMs: 15_000 },
    });
    return { connector: sim, advance: (ms) => clock.advance(ms), dispose: () => sim.close() };
  },
  { name: 'sim (provisioning delays)', pollIntervalMs: 5_000 },
);

runConnectorConformance(
  () => {
    const clock = createManualClock({ auto: true });
    const sim = createSimConnector({
      providerId: 'boreal',
      clock,
      seed: 9,
      delays: { provisionMs: { compute: 30_000 }, actionMs: 5_000 },
      faults: { errorRate: 0.1, lostReplyRate: 0.1, throttleRate: 0.1, timeoutRate: 0.02, retryAfterMs: 200 },
    });
    const connector = wrapConnector(sim, { clock, timeoutMs: 10_000, retry: { maxAttempts: 15, baseDelayMs: 20 } });
    return { connector, advance: (ms) => clock.advance(ms), dispose: () => sim.close() };
  },
  { name: 'sim with 20% faults, behind wrapConnector', pollIntervalMs: 5_000 },
);

// Every other provider of the demo catalogue, on its own offers and regions.
for (const providerId of ['nimbus', 'boreal', 'kumo', 'voltgpu', 'meridian']) {
  runConnectorConformance(
    () => {
      const clock = createManualClock();
      const sim = createSimConnector({ providerId, clock, seed: providerId.length });
      return { connector: sim, advance: (ms) => clock.advance(ms), dispose: () => sim.close() };
    },
    { name: `sim (instant, ${providerId})` },
  );
}

/**
 * @accords/connector-kit/conformance: the vitest suite every connector runs in its own tests.
 * Import it from test files only (it imports vitest).
 * @packageDocumentation
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { catalogueTests } from './catalogue-tests';
import { failureTests } from './failure-tests';
import type { Harness } from './harness';
import { cleanUp } from './harness';
import { lifecycleTests } from './lifecycle-tests';
import type { ConformanceFactory, ConformanceOptions } from './types';

export type { ConformanceFactory, ConformanceOptions, ConformanceSubject, ErrorMappingCase } from './types';

/**
 * Declares the connector conformance suite in the calling vitest file: capabilities, regions,
 * offers and images; the lifecycle of every declared resource kind and action; idempotency;
 * not-found; listing after create and delete; error mapping; cancellation.
 *
 * Every resource the suite creates is deleted after its test, even when it fails.
 * @param factory - Builds a fresh connector (and its clock control) before each test.
 * @param options - Region, offers, kinds, waiting budget and extra error-mapping cases.
 * @example
 * ```ts
 * // my-connector.conformance.test.ts
 * import { runConnectorConformance } from '@accords/connector-kit/conformance';
 * runConnectorConformance(() => ({ connector: createMyConnector(config) }), { name: 'my-cloud' });
 * ```
 */
export function runConnectorConformance(factory: ConformanceFactory, options: ConformanceOptions = {}): void {
  const timeout = options.testTimeoutMs ?? 60_000;
  let harness: Harness | undefined;
  const h = (): Harness => {
    if (!harness) throw new Error('conformance harness used outside a test');
    return harness;
  };

  describe(`connector conformance: ${options.name ?? 'connector'}`, () => {
    beforeEach(async () => {
      const subject = await factory();
      harness = {
        subject,
        connector: subject.connector,
        created: new Set(),
        options: { settleTimeoutMs: 600_000, pollIntervalMs: 1_000, storageSizeGiB: 1, networkCidr: '10.42.0.0/24', ...options },
      };
    });

    afterEach(async () => {
      const current = harness;
      harness = undefined;
      if (!current) return;
      try {
        await cleanUp(current);
      } finally {
        await current.subject.dispose?.();
      }
    });

    // Declared kinds are known only once a subject exists, so tests are declared for every kind
    // under test and an undeclared kind is checked to be refused as unsupported.
    const kinds = options.kinds ?? (['compute', 'storage', 'network'] as const).slice();
    catalogueTests(h, timeout);
    lifecycleTests(h, kinds, timeout);
    failureTests(h, { kinds, extra: options.errorCases ?? [], timeout });
  });
}

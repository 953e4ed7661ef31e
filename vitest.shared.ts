import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings: workspace packages resolve to their TypeScript sources through the
 * `@accords/source` export condition, so tests never wait for a build.
 */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['@accords/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@accords/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // scripts/test-all.sh asks for a JSON report per package to print one closing line for the repo.
    reporters: process.env.ACCORDS_TEST_SUMMARY ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-results.json' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

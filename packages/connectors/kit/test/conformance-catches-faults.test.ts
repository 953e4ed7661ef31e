import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

/**
 * The conformance suite is only evidence if it fails for broken connectors: run it against
 * mutants of the example connector (each breaking one SPI rule) and check what it catches.
 */
describe('the conformance suite catches broken connectors', () => {
  it('fails exactly the tests each mutant breaks', { timeout: 60_000 }, async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const vitest = await startVitest('test', [], {
      root,
      config: fileURLToPath(new URL('../vitest.config.ts', import.meta.url)),
      include: ['test/fixtures/mutants.fixture.ts'],
      watch: false,
      reporters: [{}],
    });
    const failed = new Map<string, string[]>();
    for (const mod of vitest.state.getTestModules()) {
      for (const test of mod.children.allTests()) {
        if (test.result().state !== 'failed') continue;
        const suite = test.parent.type === 'suite' ? test.parent.name.replace('connector conformance: ', '') : '?';
        failed.set(suite, [...(failed.get(suite) ?? []), test.name]);
      }
    }
    await vitest.close();
    const caught = (mutant: string) => (failed.get(mutant) ?? []).join(' | ');
    expect(caught('ignores-idempotency-key')).toContain('same idempotency key never creates twice');
    expect(caught('plain-error-for-missing')).toContain('not_found for an unknown id');
    expect(caught('ignores-signal')).toContain('aborted signal');
    expect(caught('lists-deleted')).toContain('compute: create, read, list, every declared action, delete');
    expect(caught('stop-does-nothing')).toContain('compute: create, read, list');
    expect(caught('undeclared-action-accepted')).toContain('refuses undeclared actions');
    expect(caught('wrong-error-kind')).toContain('not_found for an unknown id');
    expect([...failed.keys()].sort()).toEqual(
      ['ignores-idempotency-key', 'ignores-signal', 'lists-deleted', 'plain-error-for-missing', 'stop-does-nothing', 'undeclared-action-accepted', 'wrong-error-kind'],
    );
  });
});

import { expect, it } from 'vitest';
import { actionsForKind } from '../actions';
import type { ResourceKind, ResourceSpec } from '../model-types';
import type { Harness } from './harness';
import { createTracked, declaredKinds, expectKind, freshKey, listedWithKey, settle, specFor } from './harness';
import type { ErrorMappingCase } from './types';

const ALL_KINDS: ResourceKind[] = ['compute', 'storage', 'network'];

/** Declares not-found, error-mapping and cancellation tests. */
export function failureTests(h: () => Harness, settings: { kinds: ResourceKind[]; extra: ErrorMappingCase[]; timeout: number }): void {
  const { kinds, extra, timeout } = settings;
  const missing = (harness: Harness): string => harness.options.missingId ?? crypto.randomUUID();

  it('answers not_found for an unknown id on get, act and delete', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    await expectKind(connector.get(missing(harness)), 'not_found');
    await expectKind(connector.delete(missing(harness)), 'not_found');
    const kind = declaredKinds(harness, kinds)[0]!;
    const action = connector.capabilities.actions[kind]?.[0];
    if (action) await expectKind(connector.act(missing(harness), action), 'not_found');
    if (connector.resize) await expectKind(connector.resize(missing(harness), 'any-offer'), 'not_found');
  });

  it('refuses invalid specs as invalid, before touching the backend', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    const kind = declaredKinds(harness, kinds)[0]!;
    const good = await specFor(harness, kind);
    const bad: Array<[string, unknown]> = [
      ['no idempotency key', { ...good, idempotencyKey: undefined }],
      ['empty name', { ...good, name: '' }],
      ['no region', { ...good, regionId: undefined }],
      ['unknown kind', { ...good, kind: 'database' }],
    ];
    for (const [label, spec] of bad) {
      const err = await expectKind(connector.create(spec as ResourceSpec), 'invalid').catch((e: Error) => {
        throw new Error(`${label}: ${e.message}`);
      });
      expect(err.message.length, label).toBeGreaterThan(0);
    }
    expect(await listedWithKey(harness, good.idempotencyKey)).toEqual([]);
  });

  it('maps an unknown region or offer to invalid or not_found', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    const kind = declaredKinds(harness, kinds)[0]!;
    const spec = await specFor(harness, kind);
    await expectKind(connector.create({ ...spec, regionId: 'no-such-region-42' }), ['invalid', 'not_found']);
    if (connector.capabilities.resourceKinds.includes('compute')) {
      const compute = await specFor(harness, 'compute');
      await expectKind(connector.create({ ...compute, offerId: 'no-such-offer-42' }), ['invalid', 'not_found']);
    }
  });

  it('refuses undeclared actions as unsupported and foreign ones as unsupported or invalid', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    const kind = declaredKinds(harness, kinds)[0]!;
    const undeclared = actionsForKind(kind).filter((a) => !(connector.capabilities.actions[kind] ?? []).includes(a));
    const foreign = ALL_KINDS.filter((k) => k !== kind).flatMap((k) => actionsForKind(k)).filter((a) => !actionsForKind(kind).includes(a));
    if (undeclared.length === 0 && foreign.length === 0) return;
    const made = await createTracked(harness, await specFor(harness, kind));
    await settle(harness, made.id);
    for (const a of undeclared) await expectKind(connector.act(made.id, a), 'unsupported');
    for (const a of foreign.slice(0, 1)) await expectKind(connector.act(made.id, a), ['unsupported', 'invalid']);
  });

  for (const c of extra) {
    it(`maps a backend failure: ${c.name} → ${c.expectKind}`, { timeout }, async () => {
      await expectKind(c.run(h().subject), c.expectKind);
    });
  }

  it('rejects calls with an aborted signal as cancelled, creating nothing', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    const signal = AbortSignal.abort();
    await expectKind(connector.regions({ signal }), 'cancelled');
    await expectKind(connector.offers({ signal }), 'cancelled');
    await expectKind(connector.list({ signal }), 'cancelled');
    await expectKind(connector.get(crypto.randomUUID(), { signal }), 'cancelled');
    const spec = await specFor(harness, declaredKinds(harness, kinds)[0]!);
    await expectKind(connector.create(spec, { signal }), 'cancelled');
    expect(await listedWithKey(harness, spec.idempotencyKey)).toEqual([]);
  });

  it('cancelled in flight, a create leaves at most one resource and can be repeated', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    const spec = await specFor(harness, declaredKinds(harness, kinds)[0]!, freshKey('cancel'));
    const controller = new AbortController();
    const pending = connector.create(spec, { signal: controller.signal });
    setImmediate(() => controller.abort());
    const outcome = await pending.then(
      (r) => ({ ok: true as const, id: r.id }),
      (err: unknown) => ({ ok: false as const, err }),
    );
    if (outcome.ok) harness.created.add(outcome.id);
    else await expectKind(Promise.reject(outcome.err), 'cancelled');
    const again = await createTracked(harness, spec);
    if (outcome.ok) expect(again.id).toBe(outcome.id);
    expect((await listedWithKey(harness, spec.idempotencyKey)).map((r) => r.id)).toEqual([again.id]);
  });
}

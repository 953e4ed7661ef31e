import { expect, it } from 'vitest';
import { actionTargetState, READY_STATE, STATES_BY_KIND } from '../actions';
import type { ResourceActionName } from '../connector';
import type { ResourceKind } from '../model-types';
import type { Harness } from './harness';
import { createTracked, declaredKinds, expectKind, listedWithKey, placement, settle, settleGone, specFor } from './harness';

const ORDER: ResourceActionName[] = ['stop', 'start', 'restart', 'suspend', 'resume', 'save', 'offline', 'online', 'down', 'up'];
const REPEATABLE: ReadonlySet<ResourceActionName> = new Set(['stop', 'start', 'suspend', 'resume', 'offline', 'online', 'down', 'up']);

/** Declares, per kind, the full lifecycle test, the idempotency tests and resize/usage. */
export function lifecycleTests(h: () => Harness, kinds: ResourceKind[], timeout: number): void {
  for (const kind of kinds) {
    it(`${kind}: create, read, list, every declared action, delete`, { timeout }, async () => {
      const harness = h();
      const { connector } = harness;
      const spec = await specFor(harness, kind);
      if (!connector.capabilities.resourceKinds.includes(kind)) {
        // Not declared: the connector must say so rather than half-create something.
        await expectKind(connector.create(spec), 'unsupported');
        expect(await listedWithKey(harness, spec.idempotencyKey)).toEqual([]);
        return;
      }
      const made = await createTracked(harness, spec);
      expect(made).toMatchObject({ kind, name: spec.name, regionId: spec.regionId, providerId: connector.providerId, idempotencyKey: spec.idempotencyKey });
      expect(STATES_BY_KIND[kind] as readonly string[]).toContain(made.state);
      expect(Number.isNaN(Date.parse(made.createdAt))).toBe(false);

      const ready = await settle(harness, made.id);
      expect(ready.state, 'state after provisioning').toBe(READY_STATE[kind]);
      expect((await connector.get(made.id)).id).toBe(made.id);
      expect((await connector.list()).map((r) => r.id)).toContain(made.id);

      const declared = connector.capabilities.actions[kind] ?? [];
      for (const action of ORDER.filter((a) => declared.includes(a))) {
        const target = actionTargetState(kind, action);
        await connector.act(made.id, action);
        expect((await settle(harness, made.id)).state, `state after ${action}`).toBe(target);
        if (REPEATABLE.has(action)) {
          await connector.act(made.id, action);
          expect((await settle(harness, made.id)).state, `state after repeating ${action}`).toBe(target);
        }
      }

      await connector.delete(made.id);
      await settleGone(harness, made.id);
      harness.created.delete(made.id);
      expect((await connector.list()).map((r) => r.id)).not.toContain(made.id);
      await expectKind(connector.get(made.id), 'not_found');
    });
  }

  it('the same idempotency key never creates twice, even concurrently', { timeout }, async () => {
    const harness = h();
    const kind = declaredKinds(harness, kinds)[0]!;
    const spec = await specFor(harness, kind);
    const first = await createTracked(harness, spec);
    const second = await createTracked(harness, spec);
    expect(second.id).toBe(first.id);
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => createTracked(harness, spec)));
    expect([a!.id, b!.id, c!.id]).toEqual([first.id, first.id, first.id]);
    expect((await listedWithKey(harness, spec.idempotencyKey)).map((r) => r.id)).toEqual([first.id]);
  });

  it('different idempotency keys create different resources', { timeout }, async () => {
    const harness = h();
    const kind = declaredKinds(harness, kinds)[0]!;
    const one = await createTracked(harness, await specFor(harness, kind));
    const two = await createTracked(harness, await specFor(harness, kind));
    expect(one.id).not.toBe(two.id);
    const ids = (await harness.connector.list()).map((r) => r.id);
    expect(ids).toContain(one.id);
    expect(ids).toContain(two.id);
  });

  it('resizes a compute resource to another offer when it declares resize', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    if (!connector.resize || !connector.capabilities.resourceKinds.includes('compute')) return;
    const { otherOfferId } = await placement(harness);
    if (!otherOfferId) throw new Error('resize is declared but the region has a single offer: pass resizeOfferId');
    const made = await createTracked(harness, await specFor(harness, 'compute'));
    await settle(harness, made.id);
    await connector.resize(made.id, otherOfferId);
    const after = await settle(harness, made.id);
    expect(after.offerId).toBe(otherOfferId);
  });

  it('reads usage of a created resource when it declares usage', { timeout }, async () => {
    const harness = h();
    const { connector } = harness;
    if (!connector.usage) return;
    const kind = declaredKinds(harness, kinds)[0]!;
    const made = await createTracked(harness, await specFor(harness, kind));
    await settle(harness, made.id);
    const start = new Date(Date.parse(made.createdAt) - 3_600_000).toISOString();
    const end = new Date(Date.parse(made.createdAt) + 86_400_000).toISOString();
    const readings = await connector.usage({ start, end, resourceIds: [made.id] });
    for (const r of readings) {
      expect(r.resourceId).toBe(made.id);
      expect(r.providerId).toBe(connector.providerId);
      expect(Date.parse(r.start)).toBeLessThanOrEqual(Date.parse(r.end));
      expect(r.runningSeconds).toBeGreaterThanOrEqual(0);
    }
  });
}

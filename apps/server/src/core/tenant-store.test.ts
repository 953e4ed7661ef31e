import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { OcciError } from '@accords/occi';
import type { LinkData, ResourceData } from '@accords/occi';
import type { PluginApi, ServerPlugin } from '../plugins/types';
import { describeEachBackend } from '../../test/helpers/harness';

const SCHEME = 'http://example.org/gadgets#';
const GADGET = `${SCHEME}gadget`;
const WIRE = `${SCHEME}wire`;

let api: PluginApi | undefined;

const plugin: ServerPlugin = {
  name: 'gadgets',
  categories(model) {
    model.registerAll({
      kinds: [
        {
          scheme: SCHEME,
          term: 'gadget',
          parent: 'http://schemas.ogf.org/occi/core#resource',
          location: '/gadget/',
          attributes: { 'test.size': { type: 'integer', mutable: true }, 'test.serial': { type: 'integer', mutable: false } },
        },
        { scheme: SCHEME, term: 'wire', parent: 'http://schemas.ogf.org/occi/core#link', location: '/wire/' },
      ],
    });
  },
  kinds: {
    [GADGET]: {
      async onCreate(_ctx, entity) {
        if (Number(entity.attributes['test.size']) > 100) throw new OcciError('invalid_attribute', 'test.size: gadgets are at most 100', { location: { attribute: 'test.size' } });
      },
    },
  },
  async start(pluginApi) {
    api = pluginApi;
  },
};

const gadget = (attributes: Record<string, number>): ResourceData => ({ id: randomUUID(), kind: GADGET, mixins: [], attributes, links: [] });
const wire = (source: string, target: string): LinkData => ({ id: randomUUID(), kind: WIRE, mixins: [], attributes: {}, source: { location: source }, target: { location: target } });

describeEachBackend(
  'tenant store',
  (h) => {
    it('creates as the provider (immutable attributes set) in one write, with every other check kept', async () => {
      const asClient = gadget({ 'test.size': 2, 'test.serial': 7 });
      await expect(api!.asAdmin((ctx) => ctx.store.create(asClient))).rejects.toThrow(/test\.serial/);
      expect((await h().call(`/gadget/${asClient.id}`)).status).toBe(404);
      const asProvider = gadget({ 'test.size': 2, 'test.serial': 7 });
      const written = await api!.asAdmin((ctx) => ctx.store.create(asProvider, { actor: 'provider' }));
      expect(written.entity.version).toBe(1);
      const read = (await (await h().call(`/gadget/${asProvider.id}`, { headers: { accept: 'application/json' } })).json()) as ResourceData;
      expect(read.attributes['test.serial']).toBe(7);
      const tooBig = gadget({ 'test.size': 500, 'test.serial': 1 });
      await expect(api!.asAdmin((ctx) => ctx.store.create(tooBig, { actor: 'provider' }))).rejects.toThrow(/at most 100/);
      expect((await h().call(`/gadget/${tooBig.id}`)).status).toBe(404);
    });

    it("checks a link's ends: resources of the tenant only, never links, their kinds filled in", async () => {
      const mine = await h().tenant(`t-${randomUUID().slice(0, 8)}`);
      const other = await h().tenant(`t-${randomUUID().slice(0, 8)}`);
      const principal = (t: { id: string }) => ({ tenantId: t.id, tenantName: 'x', isAdmin: false });
      const [a, b] = [gadget({ 'test.size': 1 }), gadget({ 'test.size': 2 })];
      const theirs = gadget({ 'test.size': 3 });
      await api!.runAs({ principal: principal(mine) }, async (ctx) => {
        await ctx.store.create(a);
        await ctx.store.create(b);
      });
      await api!.runAs({ principal: principal(other) }, (ctx) => ctx.store.create(theirs));
      const link = wire(`/gadget/${a.id}`, `/gadget/${b.id}`);
      const made = await api!.runAs({ principal: principal(mine) }, (ctx) => ctx.store.create(link));
      const data = made.entity.data as LinkData;
      expect([data.source.kind, data.target.kind]).toEqual([GADGET, GADGET]);
      const refuse = (l: LinkData) => api!.runAs({ principal: principal(mine) }, (ctx) => ctx.store.create(l));
      await expect(refuse(wire(`/gadget/${a.id}`, `/gadget/${theirs.id}`))).rejects.toThrow(/occi\.core\.target: no resource at/);
      await expect(refuse(wire(`/gadget/${a.id}`, `/wire/${link.id}`))).rejects.toThrow(/occi\.core\.target: no resource at/);
      await expect(refuse(wire(`/wire/${a.id}`, `/gadget/${b.id}`))).rejects.toThrow(/occi\.core\.source: no resource at/);
      await expect(refuse(wire(`/gadget/${randomUUID()}`, `/gadget/${b.id}`))).rejects.toThrow(/occi\.core\.source: no resource at/);
    });
  },
  { plugins: [plugin] },
);

import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { OcciError } from '@accords/occi';
import type { AnyEntityData, ResourceData } from '@accords/occi';
import type { PluginApi, ServerPlugin } from '../src/index';
import { describeEachBackend } from './helpers/harness';
import { decode, occi } from './helpers/occi-wire';

const SCHEME = 'http://example.org/widgets#';
const WIDGET = `${SCHEME}widget`;
const POKE = 'http://example.org/widgets/action#poke';

const events: string[] = [];
let api: PluginApi | undefined;

const plugin: ServerPlugin = {
  name: 'widgets',
  categories(model) {
    model.registerAll({
      actions: [{ scheme: 'http://example.org/widgets/action#', term: 'poke', attributes: { times: { type: 'integer', required: false } } }],
      kinds: [
        {
          scheme: SCHEME,
          term: 'widget',
          parent: 'http://schemas.ogf.org/occi/core#resource',
          location: '/widget/',
          actions: [POKE],
          attributes: { 'test.size': { type: 'integer', mutable: true }, 'test.pokes': { type: 'integer', mutable: false, default: 0 } },
        },
      ],
    });
  },
  kinds: {
    [WIDGET]: {
      async onCreate(ctx, entity) {
        if (entity.title === 'slow') await new Promise((resolve) => setTimeout(resolve, 600));
        if (Number(entity.attributes['test.size']) > 100) throw new OcciError('invalid_attribute', 'test.size: widgets are at most 100', { location: { attribute: 'test.size' } });
        ctx.afterCommit(() => {
          events.push(`created ${entity.id}`);
        });
        return { transient: { 'test.secret': 'shown-once' } };
      },
      async onDelete(_ctx, entity) {
        if (entity.data.title === 'keep') throw new OcciError('forbidden', 'this widget is kept', { location: { attribute: 'occi.core.title' } });
      },
      async onAction(_ctx, entity, request) {
        const times = Number(request.attributes.times ?? 1);
        const next = structuredClone(request.proposed ?? entity.data) as AnyEntityData;
        next.attributes['test.pokes'] = Number(entity.data.attributes['test.pokes'] ?? 0) + times;
        return { entity: next };
      },
    },
  },
  routes(router, pluginApi) {
    router.get('/widgets/count', async (_req, res) => {
      const principal = pluginApi.principalOf(res);
      const count = await pluginApi.runAs({ principal }, async (ctx) => (await ctx.store.list({ kinds: [WIDGET] })).length);
      res.json({ count });
    });
  },
  async start(pluginApi) {
    api = pluginApi;
    events.push('started');
    await pluginApi.asAdmin((ctx) => ctx.store.create({ id: 'from-service', kind: WIDGET, mixins: [], attributes: { 'test.size': 1 }, links: [] } as ResourceData));
  },
  async stop() {
    events.push('stopped');
  },
};

function widget(attributes: Record<string, number>, title?: string): ResourceData {
  return { id: randomUUID(), kind: WIDGET, mixins: [], attributes, links: [], ...(title ? { title } : {}) };
}

describeEachBackend(
  'plugins',
  (h) => {
    it('adds categories to the query interface and starts services that use the store', async () => {
      const categories = await decode('categories', await h().call(`/-/?category=${encodeURIComponent(WIDGET)}`, { headers: { accept: 'application/json' } }));
      expect(categories.kinds[0]?.location).toBe('/widget/');
      expect(events).toContain('started');
      expect((await h().call('/widget/from-service')).status).toBe(200);
      expect(api).toBeDefined();
    });

    it('lifecycle hooks run in the transaction: a rejection stores nothing; transient attributes show once', async () => {
      const refused = await h().call('/widget/', { method: 'POST', ...occi('resource', 'application/json', widget({ 'test.size': 500 })) });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('at most 100');
      const made = await h().call('/widget/', { method: 'POST', ...occi('resource', 'application/json', widget({ 'test.size': 5 })) });
      expect(made.status).toBe(201);
      const body = await decode('resource', made);
      expect(body.attributes['test.secret']).toBe('shown-once');
      expect(events).toContain(`created ${body.id}`);
      const again = await decode('resource', await h().call(new URL(made.headers.get('location')!).pathname, { headers: { accept: 'application/json' } }));
      expect(again.attributes['test.secret']).toBeUndefined();
      const count = (await (await h().call('/widgets/count')).json()) as { count: number };
      expect(count.count).toBe(2);
    });

    it('action handlers decide the outcome', async () => {
      const made = await h().call('/widget/', { method: 'POST', ...occi('resource', 'application/json', widget({ 'test.size': 5 })) });
      const location = new URL(made.headers.get('location')!).pathname;
      const poked = await h().call(`${location}?action=poke`, { method: 'POST', ...occi('action', 'text/plain', { action: POKE, attributes: { times: 3 } }) });
      expect(poked.status, await poked.clone().text()).toBe(200);
      const read = await decode('resource', await h().call(location, { headers: { accept: 'application/json' } }));
      expect(read.attributes['test.pokes']).toBe(3);
    });

    it('a delete hook can refuse', async () => {
      const made = await h().call('/widget/', { method: 'POST', ...occi('resource', 'application/json', widget({ 'test.size': 5 }, 'keep')) });
      const location = new URL(made.headers.get('location')!).pathname;
      expect((await h().call(location, { method: 'DELETE' })).status).toBe(403);
      expect((await h().call(location)).status).toBe(200);
    });

    it('a request over its time budget answers 503 and changes nothing', async () => {
      const slow = widget({ 'test.size': 5 }, 'slow');
      const res = await h().call('/widget/', { method: 'POST', ...occi('resource', 'application/json', slow) });
      expect(res.status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await h().call(`/widget/${slow.id}`)).status).toBe(404);
    });
  },
  { plugins: [plugin], limits: { requestTimeoutMs: 300 } },
);

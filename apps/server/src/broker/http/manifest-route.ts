import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { MEDIA_TYPES, negotiate, parse, parseContentType, render } from '@accords/occi';
import type { AnyEntityData, MediaType } from '@accords/occi';
import type { PluginApi } from '../../plugins/types';
import { BrokerError } from '../errors';
import { DOCUMENT_TYPES, readManifest } from '../manifest-input';
import { KIND_IDS } from '../occi/ids';
import { planManifest } from '../workflow/schedule';
import type { BrokerRuntime } from '../runtime';
import type { BrokerPlan } from '../types';

const mediaOf = (req: Request): string => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
const isDryRun = (req: Request): boolean => ['1', 'true', 'yes'].includes(String(req.query.dryrun ?? '').toLowerCase());

function answerType(req: Request): MediaType {
  const chosen = negotiate(req.headers.accept, MEDIA_TYPES.filter((t) => t !== 'text/uri-list'));
  if (!chosen) throw new BrokerError('unsupported_media_type', `none of "${req.headers.accept}" can be produced`, { status: 406, location: { header: 'Accept' } });
  return chosen;
}

function planText(plan: BrokerPlan): string {
  const lines = [
    `X-OCCI-Attribute: accords.plan.manifest="${plan.manifest}"`,
    `X-OCCI-Attribute: accords.plan.price_per_hour=${plan.pricePerHour}`,
    `X-OCCI-Attribute: accords.plan.currency="${plan.currency}"`,
    ...(plan.carbonGPerHour !== undefined ? [`X-OCCI-Attribute: accords.plan.carbon_g_per_hour=${plan.carbonGPerHour}`] : []),
    ...plan.decisions.map((d) => `X-OCCI-Attribute: accords.plan.decision="${d.node}#${d.replica} ${d.providerId}/${d.regionId} ${d.offerId} ${d.pricePerHour} ${d.currency}/h"`),
    ...plan.unplaced.map((u) => `X-OCCI-Attribute: accords.plan.unplaced="${u.node}: ${u.reason.replace(/"/g, "'")}"`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The manifest document from the request: a document body, or an OCCI manifest resource. */
function documentOf(req: Request, api: PluginApi): { text: string; format?: 'yaml' | 'json'; attribute?: string } | undefined {
  const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  const format = DOCUMENT_TYPES[mediaOf(req)];
  if (format) return { text: body, format };
  if (!isDryRun(req)) return undefined;
  const type = parseContentType(req.headers['content-type'] ?? 'text/plain') ?? 'text/plain';
  const resource = parse('resource', type, { headers: req.headers as never, body }, { model: api.model });
  const doc = resource.attributes['accords.manifest.document'];
  if (resource.kind !== KIND_IDS.manifest || typeof doc !== 'string') {
    throw new BrokerError('invalid_manifest', 'a dry run needs a manifest resource with accords.manifest.document', { location: { attribute: 'accords.manifest.document' } });
  }
  return { text: doc, attribute: 'accords.manifest.document' };
}

/**
 * `POST /manifest/` with a manifest document (`application/yaml`, `application/x-yaml`,
 * `application/vnd.accords.manifest+json`) creates the manifest resource (its hook validates,
 * plans and makes the agreement) and answers 201 with `Location`; `?dryrun=1` (with a document
 * or an OCCI manifest resource) answers 200 with the plan and stores nothing. OCCI renderings
 * without `dryrun` go on to the server's generic create.
 *
 * @param input - the router, the plugin API and the broker runtime
 * @example
 * manifestRoutes({ router, api, runtime });
 */
export function manifestRoutes(input: { router: Router; api: PluginApi; runtime: BrokerRuntime }): void {
  const { router, api, runtime } = input;
  router.post(['/manifest', '/manifest/'], express.raw({ type: () => true, limit: '1mb' }), (req: Request, res: Response, next: NextFunction) => {
    (async () => {
      const doc = documentOf(req, api);
      if (!doc) {
        next();
        return;
      }
      const type = answerType(req);
      if (isDryRun(req)) {
        const manifest = readManifest(doc.text, { ...(doc.format ? { format: doc.format } : {}), ...(doc.attribute ? { attribute: doc.attribute } : {}) });
        const plan = planManifest({ manifest, supply: await runtime.supply(), now: runtime.clock() });
        if (type === 'application/json' || type === 'application/occi+json') res.status(200).type(type).send(JSON.stringify(plan));
        else res.status(200).type(type).send(planText(plan));
        return;
      }
      readManifest(doc.text, { ...(doc.format ? { format: doc.format } : {}) });
      const principal = api.principalOf(res);
      const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
      const answer = await api.runAs({ principal, origin }, async (ctx) => {
        const written = await ctx.store.create({ id: '', kind: KIND_IDS.manifest, mixins: [], attributes: { 'accords.manifest.document': doc.text }, links: [] } as AnyEntityData);
        const [data] = (await ctx.store.complete([written.entity])) as [AnyEntityData];
        return { data, etag: written.entity.etag, rendered: render('entity', type, data, { model: ctx.model }) };
      });
      for (const [name, values] of Object.entries(answer.rendered.headers)) res.setHeader(name, values.length === 1 ? values[0]! : values);
      res.setHeader('ETag', answer.etag);
      res.setHeader('Location', origin + answer.data.location);
      res.status(201).setHeader('Content-Type', `${answer.rendered.contentType}; charset=utf-8`);
      res.send(answer.rendered.body);
    })().catch(next);
  });
}

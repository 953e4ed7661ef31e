import { ConnectorError } from '@accords/connector-kit';
import type { ProvisionedResource, ResourceKind, ResourceSpec } from '@accords/connector-kit';
import { KIND, MIXIN } from '@accords/occi';
import type { AnyEntityData, AttributeValue } from '@accords/occi';
import type { CreateInput, ServerModel } from '@accords/sdk';
import type { RemoteCatalogue } from './catalogue';
import { formatMarker, parseMarker } from './marker';
import { stateOf, STATE_ATTRIBUTE } from './states';

/** The OCCI kind identifier of each resource kind. */
export const KIND_ID: Record<ResourceKind, string> = { compute: KIND.compute, storage: KIND.storage, network: KIND.network };

const invalid = (pointer: string, message: string): ConnectorError =>
  new ConnectorError('invalid', `${message} (at ${pointer})`, { operation: 'create', location: { pointer, attribute: pointer.slice(1) } });

function primitive(value: AttributeValue | undefined): string | number | boolean | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === null || value === undefined) return undefined;
  return JSON.stringify(value);
}

/**
 * The path of a location (servers may render absolute URLs with their own host name).
 * @param location - a path or an absolute URL
 * @returns the path and query
 */
export function pathOf(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(location)) return location;
  try {
    const url = new URL(location);
    return url.pathname + url.search;
  } catch {
    return location;
  }
}

/** What {@link toProvisioned} needs besides the entity. */
export interface EntityContext {
  providerId: string;
  kind: ResourceKind;
  catalogue: RemoteCatalogue;
  /** When the connector first saw the resource (OCCI carries no creation time). */
  createdAt: string;
}

/**
 * Maps a remote OCCI resource onto the SPI's {@link ProvisionedResource}: its location is the id,
 * its title the name, its region and resource template mixins the region and offer, its
 * `occi.<kind>.state` the state, the marker in its summary the idempotency key.
 * @param entity - the entity as fetched (with its location)
 * @param ctx - provider, kind, catalogue and creation time
 * @returns the provisioned resource
 * @example
 * ```ts
 * const r = toProvisioned(await client.entities.get('/compute/1'), { providerId, kind: 'compute', catalogue, createdAt });
 * ```
 */
export function toProvisioned(entity: AnyEntityData, ctx: EntityContext): ProvisionedResource {
  const location = pathOf(entity.location ?? '');
  const mixins = new Set(entity.mixins);
  const region = ctx.catalogue.regions.find((r) => r.mixinId !== undefined && mixins.has(r.mixinId)) ?? ctx.catalogue.regions.find((r) => r.mixinId === undefined) ?? ctx.catalogue.regions[0];
  const offer = ctx.catalogue.offers.find((o) => mixins.has(o.mixinId) && o.offer.regionId === region?.region.id);
  const attributes: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(entity.attributes)) {
    const v = primitive(value);
    if (v !== undefined) attributes[name] = v;
  }
  const addresses: string[] = [];
  for (const link of 'links' in entity ? (entity.links ?? []) : []) {
    const a = link.attributes['occi.networkinterface.address'];
    if (typeof a === 'string' && a.length <= 64) addresses.push(a);
  }
  const summary = 'summary' in entity ? entity.summary : undefined;
  const marker = parseMarker(summary);
  const name = (entity.title ?? '').trim() || location.slice(location.lastIndexOf('/', location.length - 2) + 1) || entity.id;
  return {
    id: location,
    providerId: ctx.providerId,
    regionId: region?.region.id ?? `${ctx.providerId}.default`,
    kind: ctx.kind,
    name: name.slice(0, 128),
    state: stateOf(ctx.kind, entity.attributes[STATE_ATTRIBUTE[ctx.kind]]),
    ...(offer ? { offerId: offer.offer.id } : {}),
    attributes,
    addresses,
    createdAt: ctx.createdAt,
    ...(marker ? { idempotencyKey: marker.idempotencyKey } : {}),
  };
}

/** What {@link toCreateInput} checks the spec against. */
export interface CreateContext {
  providerId: string;
  catalogue: RemoteCatalogue;
  model: ServerModel;
}

function hasMixin(model: ServerModel, id: string): boolean {
  return model.categories.mixins.some((m) => m.scheme + m.term === id);
}

/**
 * Turns a checked {@link ResourceSpec} into the SDK's create request: the kind, the region,
 * resource and OS template mixins, the size attributes, the name as title and the idempotency
 * marker as summary.
 * @param spec - a spec that passed `checkResourceSpec`
 * @param ctx - provider, catalogue and the remote's model
 * @returns the create input
 * @throws {ConnectorError} `invalid` naming the spec field the remote cannot honour (unknown
 *   region, offer or image; user data, SSH key or CIDR on a remote without the mixin);
 *   `unsupported` when the remote has no such kind
 */
export function toCreateInput(spec: ResourceSpec, ctx: CreateContext): CreateInput {
  const { catalogue, model } = ctx;
  if (!model.categories.kinds.some((k) => k.scheme + k.term === KIND_ID[spec.kind] && k.location)) {
    throw new ConnectorError('unsupported', `the remote has no ${spec.kind} collection`, { operation: 'create', providerId: ctx.providerId });
  }
  const region = catalogue.regions.find((r) => r.region.id === spec.regionId);
  if (!region) throw invalid('/regionId', `unknown region ${spec.regionId}; the remote has ${catalogue.regions.map((r) => r.region.id).join(', ')}`);
  const mixins: string[] = region.mixinId ? [region.mixinId] : [];
  const attributes: Record<string, AttributeValue> = {};
  if (spec.kind === 'compute') {
    const offer = catalogue.offers.find((o) => o.offer.id === spec.offerId && o.offer.regionId === region.region.id);
    if (!offer) throw invalid('/offerId', `unknown offer ${spec.offerId} in region ${spec.regionId}`);
    mixins.push(offer.mixinId);
    attributes['occi.compute.cores'] = offer.offer.vcpu;
    attributes['occi.compute.memory'] = offer.offer.memoryGiB;
    if (spec.image !== undefined) {
      const image = catalogue.images.find((i) => i.image.id === spec.image || i.mixinId === spec.image || i.image.name === spec.image) ?? catalogue.images.find((i) => i.image.distribution === spec.image);
      if (!image) throw invalid('/image', `unknown image ${spec.image}; the remote has ${catalogue.images.map((i) => i.image.id).join(', ') || 'none'}`);
      mixins.push(image.mixinId);
    }
    if (spec.userData !== undefined) {
      if (!hasMixin(model, MIXIN.userData)) throw invalid('/userData', 'the remote has no user_data mixin');
      mixins.push(MIXIN.userData);
      attributes['occi.compute.userdata'] = Buffer.from(spec.userData, 'utf8').toString('base64');
    }
    if (spec.sshKey !== undefined) {
      if (!hasMixin(model, MIXIN.sshKey)) throw invalid('/sshKey', 'the remote has no ssh_key mixin');
      mixins.push(MIXIN.sshKey);
      attributes['occi.credentials.ssh.publickey'] = spec.sshKey;
    }
  } else if (spec.kind === 'storage') {
    attributes['occi.storage.size'] = spec.sizeGiB;
  } else if (spec.cidr !== undefined) {
    if (!hasMixin(model, MIXIN.ipnetwork)) throw invalid('/cidr', 'the remote has no ipnetwork mixin');
    mixins.push(MIXIN.ipnetwork);
    attributes['occi.network.address'] = spec.cidr;
  }
  return {
    kind: KIND_ID[spec.kind],
    mixins,
    title: spec.name,
    summary: formatMarker({ providerId: ctx.providerId, idempotencyKey: spec.idempotencyKey }),
    attributes,
  };
}

import { Type } from '@sinclair/typebox';
import type { Static, TSchema, TUnsafe } from '@sinclair/typebox';
import { Closed, Id, Labels, StringEnum, Timestamp } from './kit';
import { StorageClassSchema } from './common';

/** The OCCI Infrastructure resource kinds a connector creates. */
export const ResourceKindSchema = StringEnum(['compute', 'storage', 'network'], {
  description: 'Resource kind.',
});

const specBase = {
  idempotencyKey: Type.String({
    minLength: 8,
    maxLength: 128,
    pattern: '^[A-Za-z0-9._:-]+$',
    description: 'Same key, same resource: a connector never creates twice for one key.',
  }),
  regionId: Id('Region to create in.'),
  name: Type.String({ minLength: 1, maxLength: 128, description: 'Resource name.' }),
  labels: Type.Optional(Labels()),
};

/** What to create for a compute instance. */
export const ComputeSpecSchema = Type.Object(
  {
    kind: Type.Literal('compute'),
    ...specBase,
    offerId: Id('Offer (instance type) to use.'),
    image: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'OS image.' })),
    userData: Type.Optional(Type.String({ maxLength: 65_536, description: 'cloud-init user data.' })),
    sshKey: Type.Optional(Type.String({ maxLength: 16_384, description: 'Public SSH key.' })),
  },
  { ...Closed, description: 'Compute spec.' },
);

/** What to create for a storage volume. */
export const StorageSpecSchema = Type.Object(
  {
    kind: Type.Literal('storage'),
    ...specBase,
    offerId: Type.Optional(Id('Storage offer, if the provider prices volumes separately.')),
    sizeGiB: Type.Number({ exclusiveMinimum: 0, description: 'Size in GiB.' }),
    class: Type.Optional(StorageClassSchema),
  },
  { ...Closed, description: 'Storage spec.' },
);

/** What to create for a network. */
export const NetworkSpecSchema = Type.Object(
  {
    kind: Type.Literal('network'),
    ...specBase,
    offerId: Type.Optional(Id()),
    cidr: Type.Optional(
      Type.String({
        pattern: '^(?:\\d{1,3}\\.){3}\\d{1,3}/(?:[0-9]|[12][0-9]|3[0-2])$',
        description: 'IPv4 range, e.g. 10.0.0.0/24.',
      }),
    ),
  },
  { ...Closed, description: 'Network spec.' },
);

function discriminated<T extends TSchema[]>(
  variants: [...T],
  description: string,
): TUnsafe<Static<T[number]>> {
  return Type.Unsafe<Static<T[number]>>({
    oneOf: variants,
    discriminator: { propertyName: 'kind' },
    required: ['kind'],
    description,
  });
}

/** What to create: a compute, storage or network spec, told apart by `kind`. */
export const ResourceSpecSchema = discriminated(
  [ComputeSpecSchema, StorageSpecSchema, NetworkSpecSchema],
  'A resource spec.',
);

/** OCCI Infrastructure states, plus the transitional `pending`. */
export const RESOURCE_STATES = {
  compute: ['pending', 'active', 'inactive', 'suspended', 'error'],
  storage: ['pending', 'online', 'offline', 'backup', 'snapshot', 'resize', 'degraded', 'error'],
  network: ['pending', 'active', 'inactive', 'error'],
} as const;

/** A state of any Infrastructure kind. */
export const ResourceStateSchema = StringEnum(
  [...new Set([...RESOURCE_STATES.compute, ...RESOURCE_STATES.storage, ...RESOURCE_STATES.network])],
  { description: 'OCCI Infrastructure state, or pending while the provider works.' },
);

/** A resource as the provider reports it. */
export const ProvisionedResourceSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 256, description: 'Provider-side id.' }),
    providerId: Id(),
    regionId: Id(),
    kind: ResourceKindSchema,
    name: Type.String({ minLength: 1, maxLength: 128 }),
    state: ResourceStateSchema,
    offerId: Type.Optional(Id()),
    attributes: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
      description: 'OCCI attributes, e.g. occi.compute.cores.',
    }),
    addresses: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { description: 'IP addresses.' })),
    createdAt: Timestamp(),
    idempotencyKey: Type.Optional(Type.String({ maxLength: 128 })),
    labels: Type.Optional(Labels()),
  },
  { ...Closed, description: 'A provisioned resource.' },
);

/** What a provider measured for a resource over an interval. */
export const UsageReadingSchema = Type.Object(
  {
    resourceId: Type.String({ minLength: 1, maxLength: 256 }),
    providerId: Id(),
    start: Timestamp(),
    end: Timestamp(),
    runningSeconds: Type.Number({ minimum: 0, description: 'Seconds the resource was running.' }),
    cpuSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    energyKWh: Type.Optional(Type.Number({ minimum: 0 })),
    egressGB: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { ...Closed, description: 'A usage reading.' },
);

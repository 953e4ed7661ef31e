import { Type } from '@sinclair/typebox';
import { Closed, Coordinates, CountryCode, Currency, Id, Money, StringEnum, Timestamp } from './kit';
import { ArchitectureSchema, ShareSchema } from './common';

/** A cloud provider known to the broker. */
export const ProviderSchema = Type.Object(
  {
    id: Id('Provider id.'),
    name: Type.String({ minLength: 1, maxLength: 256, description: 'Display name.' }),
    connector: Id('Connector that drives it, e.g. sim, openstack, libvirt, occi.'),
    credentialsRef: Type.Optional(
      Type.String({
        pattern: '^(env|file|vault):.+$',
        maxLength: 1024,
        description: 'Where the credentials are found (env:NAME, file:/path, vault:path) — never the secret.',
      }),
    ),
    headquarters: Type.Optional(CountryCode('Country whose law governs the provider.')),
    endpoint: Type.Optional(Type.String({ format: 'uri', description: 'API endpoint of the provider.' })),
  },
  { ...Closed, description: 'A cloud provider.' },
);

/** A region (site) of a provider, with its energy facts. */
export const RegionSchema = Type.Object(
  {
    id: Id('Region id, unique across providers.'),
    providerId: Id('Provider of the region.'),
    name: Type.String({ minLength: 1, maxLength: 256, description: 'Display name.' }),
    country: CountryCode('Country of the site.'),
    city: Type.Optional(Type.String({ maxLength: 128, description: 'City of the site.' })),
    coordinates: Coordinates(),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Paris.' }),
    pue: Type.Number({ minimum: 1, maximum: 3, description: 'Power usage effectiveness of the site.' }),
    renewableShare: Type.Number({ minimum: 0, maximum: 1, description: 'Share of renewable supply (0–1).' }),
    heatReuse: Type.Number({ minimum: 0, maximum: 1, description: 'Share of waste heat reused (0 = none).' }),
    zone: Type.String({ minLength: 1, maxLength: 64, description: 'Grid zone of the signals, e.g. FR.' }),
    egressPricePerGB: Type.Optional(Money('Price of traffic leaving the region, per GB.')),
    currency: Type.Optional(Currency('Currency of egressPricePerGB.')),
  },
  { ...Closed, description: 'A provider region.' },
);

/** An instance type a provider sells in a region, at a price. */
export const OfferSchema = Type.Object(
  {
    id: Id('Offer id, unique across providers.'),
    providerId: Id('Provider.'),
    regionId: Id('Region.'),
    instanceType: Type.String({ minLength: 1, maxLength: 128, description: 'Provider instance type name.' }),
    vcpu: Type.Number({ exclusiveMinimum: 0, description: 'vCPUs.' }),
    memoryGiB: Type.Number({ exclusiveMinimum: 0, description: 'Memory in GiB.' }),
    gpus: Type.Integer({ minimum: 0, description: 'Number of GPUs.' }),
    gpuModel: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'GPU model.' })),
    architecture: ArchitectureSchema,
    share: Type.Optional(ShareSchema),
    pricePerHour: Money('Price per instance-hour.'),
    currency: Currency(),
    market: StringEnum(['on-demand', 'spot'], { description: 'on-demand or spot (may be interrupted).' }),
    availability: Type.Number({ minimum: 0, maximum: 100, description: 'Availability the provider states, %.' }),
    capacity: Type.Integer({ minimum: 0, description: 'Instances that can still be started.' }),
    powerWatts: Type.Optional(Type.Number({ minimum: 0, description: 'Estimated power draw at typical load, W.' })),
    asOf: Timestamp('When the offer was read from the provider.'),
  },
  { ...Closed, description: 'A priced offer.' },
);

/** A provider catalogue: providers, their regions and their offers. */
export const CatalogueSchema = Type.Object(
  {
    providers: Type.Array(ProviderSchema),
    regions: Type.Array(RegionSchema),
    offers: Type.Array(OfferSchema),
  },
  { ...Closed, description: 'A provider catalogue.' },
);

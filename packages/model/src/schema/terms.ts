import { Type } from '@sinclair/typebox';
import { Closed, Coordinates, Currency, Id, IsoDuration, Money, Name, StringEnum, Timestamp } from './kit';
import { DataClassificationSchema, JurisdictionPolicySchema } from './common';

/** The metrics a guarantee can be stated on, each with a fixed unit. */
export const GUARANTEE_METRICS = [
  'availability',
  'latency',
  'provisioning-time',
  'carbon-intensity',
  'price',
  'error-rate',
] as const;

/** Price ceiling and budget. */
export const PriceTermsSchema = Type.Object(
  {
    currency: Currency('Currency of every amount in the terms.'),
    maxPerHour: Type.Optional(Money('Ceiling on the price of the whole service per hour.')),
    budget: Type.Optional(Money('Total budget over the life of the agreement.')),
  },
  { ...Closed, description: 'Price ceiling per hour and total budget.' },
);

/** A place users connect from, for the latency objective. */
export const UserLocationSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 128, description: 'Label, e.g. a city.' })),
    coordinates: Type.Optional(Coordinates()),
    region: Type.Optional(Id('A catalogue region id standing for the location.')),
    weight: Type.Optional(Type.Number({ minimum: 0, description: 'Share of the users (default 1).' })),
  },
  { ...Closed, description: 'Where users are: coordinates or a region.' },
);

/** Latency objective towards user locations. */
export const LatencyTermsSchema = Type.Object(
  {
    maxMs: Type.Number({ exclusiveMinimum: 0, description: 'Largest acceptable round-trip time in ms.' }),
    users: Type.Array(UserLocationSchema, { minItems: 1, maxItems: 1000, description: 'User locations.' }),
  },
  { ...Closed, description: 'Latency objective.' },
);

/** Carbon ceiling on the grid intensity of the hosting region. */
export const CarbonTermsSchema = Type.Object(
  {
    maxIntensity: Type.Number({ minimum: 0, description: 'Ceiling in gCO2e/kWh.' }),
    basis: Type.Optional(
      StringEnum(['location-based', 'marginal'], { description: 'Which intensity is compared (default location-based).' }),
    ),
  },
  { ...Closed, description: 'Carbon ceiling.' },
);

/** Relative weights of the soft objectives; they need not sum to 1. */
export const ObjectiveWeightsSchema = Type.Object(
  {
    price: Type.Optional(Type.Number({ minimum: 0, description: 'Weight of the hourly price.' })),
    carbon: Type.Optional(Type.Number({ minimum: 0, description: 'Weight of the emissions.' })),
    latency: Type.Optional(Type.Number({ minimum: 0, description: 'Weight of the latency to users.' })),
    heatReuse: Type.Optional(Type.Number({ minimum: 0, description: 'Weight of waste-heat reuse.' })),
    availability: Type.Optional(Type.Number({ minimum: 0, description: 'Weight of the offer availability.' })),
  },
  { ...Closed, description: 'Objective weights.' },
);

/** Allow and deny lists of provider ids. */
export const ProviderPolicySchema = Type.Object(
  {
    allow: Type.Optional(Type.Array(Id(), { minItems: 1, uniqueItems: true, description: 'Only these providers.' })),
    deny: Type.Optional(Type.Array(Id(), { uniqueItems: true, description: 'Never these providers.' })),
  },
  { ...Closed, description: 'Provider allow and deny lists.' },
);

/** The business value of a guarantee: what is owed when it is violated. */
export const GuaranteeRemedySchema = Type.Object(
  {
    type: StringEnum(['credit', 'penalty'], {
      description: 'credit: deducted from the invoice; penalty: owed by the obligated party.',
    }),
    percent: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100, description: "Share of the window's charges." }),
    ),
    amount: Type.Optional(Money('Fixed amount per violated window, in the terms currency.')),
  },
  { ...Closed, description: 'Penalty or credit of a guarantee.' },
);

/** A guarantee term: a service level objective over a window, with its business value. */
export const GuaranteeSchema = Type.Object(
  {
    name: Name('Guarantee name.'),
    metric: StringEnum(GUARANTEE_METRICS, {
      description:
        'availability (%), latency (ms), provisioning-time (s), carbon-intensity (gCO2e/kWh), price (per hour), error-rate (%).',
    }),
    comparator: StringEnum(['lt', 'le', 'eq', 'ge', 'gt'], { description: 'How the measure compares to the target.' }),
    target: Type.Number({ description: 'Target value in the unit of the metric.' }),
    window: IsoDuration('Evaluation window, e.g. P30D.'),
    qualifyingCondition: Type.Optional(
      Type.String({ maxLength: 1024, description: 'When the guarantee applies, e.g. "requests < 1000/s".' }),
    ),
    nodes: Type.Optional(Type.Array(Name(), { uniqueItems: true, description: 'Nodes it applies to (default all).' })),
    remedy: Type.Optional(GuaranteeRemedySchema),
    obligated: StringEnum(['provider', 'consumer', 'broker'], { description: 'Who must keep the guarantee.' }),
  },
  { ...Closed, description: 'A guarantee term.' },
);

/** The terms of service a manifest asks for. */
export const ServiceTermsSchema = Type.Object(
  {
    price: Type.Optional(PriceTermsSchema),
    jurisdiction: Type.Optional(JurisdictionPolicySchema),
    dataClassification: Type.Optional(DataClassificationSchema),
    availability: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100, description: 'Availability objective in percent, e.g. 99.95.' }),
    ),
    latency: Type.Optional(LatencyTermsSchema),
    carbon: Type.Optional(CarbonTermsSchema),
    objectives: Type.Optional(ObjectiveWeightsSchema),
    providers: Type.Optional(ProviderPolicySchema),
    guarantees: Type.Optional(Type.Array(GuaranteeSchema, { maxItems: 100, description: 'Guarantees.' })),
    effectiveFrom: Type.Optional(Timestamp('Start of the agreement (default: acceptance).')),
    effectiveUntil: Type.Optional(Timestamp('End of the agreement (default: open-ended).')),
    autoAccept: Type.Optional(Type.Boolean({ description: 'Accept the plan without a user action.' })),
  },
  { ...Closed, description: 'Service terms.' },
);

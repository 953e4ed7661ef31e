import { Type } from '@sinclair/typebox';
import { Closed, Currency, Id, Money, Name, StringEnum, Timestamp } from './kit';
import { GuaranteeSchema, ServiceTermsSchema } from './terms';

/** OCCI SLA agreement states. */
export const AgreementStateSchema = StringEnum(['pending', 'accepted', 'rejected', 'suspended', 'terminated'], {
  description: 'Agreement state (OCCI SLA).',
});

/** State of one guarantee term. */
export const TermStateSchema = StringEnum(['undefined', 'fulfilled', 'violated'], {
  description: 'Guarantee term state.',
});

/** Scores of one choice per objective, each normalised to 0 (worst) … 1 (best). */
export const ObjectiveScoresSchema = Type.Object(
  {
    price: Type.Number({ minimum: 0, maximum: 1 }),
    carbon: Type.Number({ minimum: 0, maximum: 1 }),
    latency: Type.Number({ minimum: 0, maximum: 1 }),
    heatReuse: Type.Number({ minimum: 0, maximum: 1 }),
    availability: Type.Number({ minimum: 0, maximum: 1 }),
    total: Type.Number({ description: 'Weighted sum of the objective scores.' }),
  },
  { ...Closed, description: 'Normalised objective scores.' },
);

/** One placement choice: an instance of a node on an offer. */
export const PlacementDecisionSchema = Type.Object(
  {
    node: Name('Node placed.'),
    replica: Type.Integer({ minimum: 0, description: 'Instance index within the node.' }),
    offerId: Id('Chosen offer.'),
    providerId: Id('Provider of the offer.'),
    regionId: Id('Region of the offer.'),
    start: Type.Optional(Timestamp('Planned start (deferrable nodes).')),
    pricePerHour: Money('Price per hour of this instance.'),
    currency: Currency(),
    carbonGPerHour: Type.Optional(Type.Number({ minimum: 0, description: 'Expected emissions, gCO2e per hour.' })),
    scores: ObjectiveScoresSchema,
    reason: Type.String({ maxLength: 4096, description: 'Why this offer was chosen, in words.' }),
    alternatives: Type.Optional(
      Type.Array(
        Type.Object(
          {
            offerId: Id(),
            total: Type.Number(),
            reason: Type.String({ maxLength: 1024 }),
          },
          Closed,
        ),
        { maxItems: 20, description: 'Best rejected alternatives.' },
      ),
    ),
  },
  { ...Closed, description: 'A placement decision.' },
);

/** A node the scheduler could not place, and which filters removed how many offers. */
export const UnplacedNodeSchema = Type.Object(
  {
    node: Name(),
    reason: Type.String({ maxLength: 4096 }),
    filters: Type.Array(
      Type.Object({ filter: Type.String(), removed: Type.Integer({ minimum: 0 }) }, Closed),
      { description: 'Offers removed per hard constraint.' },
    ),
  },
  { ...Closed, description: 'An unplaced node.' },
);

/** The scheduler's answer for a whole manifest. */
export const PlacementPlanSchema = Type.Object(
  {
    manifest: Name('Manifest name.'),
    decisions: Type.Array(PlacementDecisionSchema),
    unplaced: Type.Array(UnplacedNodeSchema),
    pricePerHour: Money('Sum of the decisions.'),
    currency: Currency(),
    carbonGPerHour: Type.Optional(Type.Number({ minimum: 0 })),
    optimal: Type.Optional(Type.Boolean({ description: 'Proved optimal.' })),
    gap: Type.Optional(Type.Number({ minimum: 0, description: 'Relative gap to a lower bound.' })),
    createdAt: Timestamp(),
  },
  { ...Closed, description: 'A placement plan.' },
);

/** A placement as a broker resource: a decision bound to an agreement and its resources. */
export const PlacementSchema = Type.Object(
  {
    id: Id(),
    agreementId: Id(),
    decision: PlacementDecisionSchema,
    state: StringEnum(['planned', 'provisioning', 'running', 'failed', 'released'], {
      description: 'Progress of the placement.',
    }),
    resourceIds: Type.Optional(Type.Array(Id(), { description: 'Resources created for it.' })),
    message: Type.Optional(Type.String({ maxLength: 4096, description: 'Cause of a failure.' })),
  },
  { ...Closed, description: 'A placement.' },
);

/** State of one guarantee term of an agreement. */
export const GuaranteeStatusSchema = Type.Object(
  {
    name: Name(),
    state: TermStateSchema,
    measured: Type.Optional(Type.Number({ description: 'Last measured value.' })),
    evaluatedAt: Type.Optional(Timestamp()),
  },
  { ...Closed, description: 'A guarantee term state.' },
);

/** An agreement (OCCI SLA) between the user and the broker over a manifest. */
export const AgreementSchema = Type.Object(
  {
    id: Id(),
    manifestId: Id(),
    state: AgreementStateSchema,
    terms: ServiceTermsSchema,
    termStates: Type.Array(GuaranteeStatusSchema),
    plan: Type.Optional(PlacementPlanSchema),
    contractId: Type.Optional(Id()),
    reason: Type.Optional(Type.String({ maxLength: 4096, description: 'Why it was rejected or ended.' })),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
  },
  { ...Closed, description: 'An agreement.' },
);

/** The accepted placement and its price: what the broker now owes. */
export const ContractSchema = Type.Object(
  {
    id: Id(),
    agreementId: Id(),
    manifestId: Id(),
    tenant: Type.Optional(Id()),
    decisions: Type.Array(PlacementDecisionSchema),
    pricePerHour: Money('Contracted price per hour of the whole service.'),
    currency: Currency(),
    budget: Type.Optional(Money('Total budget.')),
    guarantees: Type.Array(GuaranteeSchema),
    effectiveFrom: Timestamp(),
    effectiveUntil: Type.Optional(Timestamp()),
    acceptedAt: Timestamp(),
  },
  { ...Closed, description: 'A contract.' },
);

/** Running time of one resource over an interval, rated at the contracted offer price. */
export const UsageRecordSchema = Type.Object(
  {
    id: Id(),
    contractId: Id(),
    resourceId: Id(),
    node: Name(),
    offerId: Id(),
    providerId: Id(),
    regionId: Id(),
    start: Timestamp(),
    end: Timestamp(),
    seconds: Type.Integer({ minimum: 0, description: 'Running seconds in [start, end).' }),
    pricePerHour: Money('Rate applied.'),
    currency: Currency(),
    energyKWh: Type.Optional(Type.Number({ minimum: 0 })),
    carbonGrams: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { ...Closed, description: 'A usage record.' },
);

/** One line of an invoice. */
export const InvoiceLineSchema = Type.Object(
  {
    type: StringEnum(['usage', 'egress', 'penalty', 'credit'], { description: 'What the line charges.' }),
    description: Type.String({ maxLength: 1024 }),
    resourceId: Type.Optional(Id()),
    offerId: Type.Optional(Id()),
    guarantee: Type.Optional(Name()),
    quantity: Type.Number({ minimum: 0 }),
    unit: StringEnum(['hour', 'GB', 'each'], { description: 'Unit of the quantity.' }),
    unitPrice: Type.Number({ description: 'Price per unit (negative for credits).' }),
    amount: Type.Number({ description: 'quantity × unitPrice, rounded to the cent.' }),
  },
  { ...Closed, description: 'An invoice line.' },
);

/** An invoice for one contract and period. */
export const InvoiceSchema = Type.Object(
  {
    id: Id(),
    contractId: Id(),
    tenant: Type.Optional(Id()),
    periodStart: Timestamp(),
    periodEnd: Timestamp(),
    currency: Currency(),
    lines: Type.Array(InvoiceLineSchema),
    subtotal: Type.Number({ description: 'Sum of usage and egress lines.' }),
    penalties: Type.Number({ description: 'Sum of penalty lines.' }),
    credits: Type.Number({ description: 'Sum of credit lines (negative or zero).' }),
    total: Type.Number({ description: 'subtotal + penalties + credits.' }),
    status: StringEnum(['draft', 'issued'], { description: 'Draft while the period is open.' }),
    issuedAt: Type.Optional(Timestamp()),
  },
  { ...Closed, description: 'An invoice.' },
);

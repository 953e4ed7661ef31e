import { placeWithReport } from '@accords/scheduler';
import type { Catalogue, Manifest, Offer, Provider, Region, SignalSeries } from '@accords/model';
import type { BrokerPlan } from '../types';

/** What the scheduler is given besides the manifest: the supply seen through the connectors. */
export interface Supply {
  providers: Provider[];
  regions: Region[];
  offers: Offer[];
  signals: SignalSeries[];
}

/**
 * Places a manifest over the supply with the scheduler: the model's plan (a decision per
 * instance with scores, reason and rejected alternatives; unplaced nodes with the offers each
 * filter removed) plus the solver's notes and gap.
 *
 * @param input - manifest, supply, current time
 * @returns the plan
 * @throws SchedulerError when the scheduler rejects its input
 * @example
 * const plan = planManifest({ manifest, supply, now: Date.now() });
 */
export function planManifest(input: { manifest: Manifest; supply: Supply; now: number }): BrokerPlan {
  const { plan, report } = placeWithReport({
    manifest: input.manifest, providers: input.supply.providers, regions: input.supply.regions, offers: input.supply.offers,
    signals: input.supply.signals, now: input.now,
  });
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  const out: BrokerPlan = { ...plan, pricePerHour: round(plan.pricePerHour, 6), notes: report.notes, solver: { ...report.solver } };
  if (plan.carbonGPerHour !== undefined) out.carbonGPerHour = round(plan.carbonGPerHour, 3);
  return out;
}

/**
 * Reads the supply from every connector (regions and cached offers) and the catalogue (providers).
 *
 * @param input - connectors, the catalogue source, the signals source
 * @returns the supply
 * @example
 * const supply = await readSupply({ connectors, catalogue: demoCatalogue, signals: demoSignals });
 */
export async function readSupply(input: {
  connectors: { providerId: string; regions(): Promise<Region[]>; offers(): Promise<{ offers: Offer[] }> }[];
  catalogue?: () => Catalogue | Promise<Catalogue>;
  signals?: () => SignalSeries[] | Promise<SignalSeries[]>;
}): Promise<Supply> {
  const catalogue = input.catalogue ? await input.catalogue() : undefined;
  const parts = await Promise.all(input.connectors.map(async (c) => ({ c, regions: await c.regions(), offers: (await c.offers()).offers })));
  const providers = parts.map(({ c }) => {
    const known = catalogue?.providers.find((p) => p.id === c.providerId);
    return known ?? { id: c.providerId, name: c.providerId, connector: c.providerId };
  });
  return {
    providers,
    regions: parts.flatMap((p) => p.regions),
    offers: parts.flatMap((p) => p.offers),
    signals: input.signals ? await input.signals() : [],
  };
}

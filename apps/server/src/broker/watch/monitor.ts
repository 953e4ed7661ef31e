import { KIND } from '@accords/occi';
import type { Attributes, LinkData, ResourceData } from '@accords/occi';
import type { Guarantee } from '@accords/model';
import type { SqlExecutor } from '../../jobs';
import type { PluginContext } from '../../plugins/types';
import { derivedId } from '../occi/derived-id';
import { locations } from '../occi/entities';
import { BROKER, KIND_IDS } from '../occi/ids';
import { writeEntity } from '../occi/occi-projection';
import type { AgreementRecord, ResourceRecord } from '../types';
import { measure, measureGuarantees } from './guarantees';
import type { Measurement } from './guarantees';

/** Locations of the monitoring entities of a service. */
export const monitoringLocations = {
  sensor: (agreementId: string) => `/sensor/${derivedId(`sensor:${agreementId}`)}`,
  collector: (resourceId: string) => `/collector/${derivedId(`collector:${resourceId}`)}`,
};

const SERVICE_METRICS = { availability: 'availability', provisioningTime: 'provisioning-time', price: 'price' } as const;

/** Service-wide values since the service became effective (undefined when not measurable yet). */
async function serviceMetrics(input: { tx: SqlExecutor; agreement: AgreementRecord; resources: ResourceRecord[]; now: number }): Promise<Record<string, number>> {
  const from = Date.parse(input.agreement.contract!.effectiveFrom);
  const out: Record<string, number> = {};
  for (const [name, metric] of Object.entries(SERVICE_METRICS)) {
    const g = { name: 'service', metric, comparator: 'ge', target: 0, window: 'P30D', obligated: 'provider' } as Guarantee;
    const value = input.now > from ? await measure({ tx: input.tx, g, agreement: input.agreement, resources: input.resources, from, to: input.now }) : undefined;
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * Monitors one accepted agreement's service with the OCCI Monitoring extension: a `sensor`
 * (with the `monitored` mixin) holds what was measured — availability from the resources'
 * running time, provisioning time, current price, and per guarantee the value over its current
 * window — and a `collector` link joins the sensor to each of the service's resources. Latency
 * and error rate appear only when a connector reports them (none does today), never invented.
 *
 * @param input - plugin context and its transaction, agreement, resources, time, sensor period (s)
 * @returns the per-guarantee measurements written on the sensor (the guarantees are evaluated from them)
 * @example
 * const measurements = await monitorService({ ctx, tx, agreement, resources, now, periodSeconds: 30 });
 */
export async function monitorService(input: {
  ctx: PluginContext; tx: SqlExecutor; agreement: AgreementRecord; resources: ResourceRecord[]; now: number; periodSeconds: number;
}): Promise<Measurement[]> {
  const { ctx, agreement: a } = input;
  if (!a.contract) return [];
  const measurements = await measureGuarantees(input);
  const service = await serviceMetrics(input);
  const sensorLocation = monitoringLocations.sensor(a.id);
  const period = Math.max(1, Math.round(input.periodSeconds));
  const attributes: Attributes = {
    'occi.sensor.period': period,
    'occi.sensor.timebase': a.contract.effectiveFrom,
    'accords.sensor.agreement': locations.agreement(a.id),
    'accords.sensor.measuredAt': new Date(input.now).toISOString(),
    'accords.sensor.measurements': measurements.map((m) => ({ ...m })),
  };
  for (const [name, value] of Object.entries(service)) attributes[`accords.sensor.${name}`] = value;
  const sensor: ResourceData = {
    id: sensorLocation.slice('/sensor/'.length), kind: KIND.sensor, mixins: [`${BROKER}monitored`], title: `sensor of ${a.name}`,
    location: sensorLocation, attributes, links: [],
  };
  await writeEntity(ctx, sensor);
  for (const r of input.resources) {
    const target = locations.resource(r);
    const location = monitoringLocations.collector(r.id);
    if (r.state === 'released' || (await ctx.store.find(location)) || !(await ctx.store.find(target))) continue;
    const link: LinkData = {
      id: location.slice('/collector/'.length), kind: KIND.collector, mixins: [], attributes: { 'occi.collector.period': period }, location,
      source: { location: sensorLocation, kind: KIND.sensor }, target: { location: target, kind: KIND_IDS[r.kind] },
    };
    await ctx.store.create(link);
  }
  return measurements;
}

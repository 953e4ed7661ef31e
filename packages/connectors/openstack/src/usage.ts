import type { UsageQuery, UsageReading } from '@accords/connector-kit';
import { formatRef, parseRef } from './ids';
import type { NovaServerUsage } from './nova';

const ACCORDS_NAME = /-[0-9a-f]{10}$/;

/**
 * Turns Nova's per-server usage (`os-simple-tenant-usage`) into readings of running seconds; only
 * servers named by Accords count, and `resourceIds` narrows further.
 */
export function usageReadings(input: { providerId: string; region: string; query: UsageQuery; usages: NovaServerUsage[] }): UsageReading[] {
  const wanted = input.query.resourceIds ? new Set(input.query.resourceIds.map((id) => parseRef(id)?.uuid).filter(Boolean)) : undefined;
  const out: UsageReading[] = [];
  for (const u of input.usages) {
    if (!ACCORDS_NAME.test(u.name)) continue;
    if (wanted && !wanted.has(u.instance_id)) continue;
    const runningSeconds = Math.max(0, Math.round(u.hours * 3600 * 1000) / 1000);
    out.push({
      resourceId: formatRef({ kind: 'compute', region: input.region, uuid: u.instance_id }),
      providerId: input.providerId,
      start: input.query.start,
      end: input.query.end,
      runningSeconds,
      cpuSeconds: Math.round(runningSeconds * u.vcpus * 1000) / 1000,
    });
  }
  return out;
}

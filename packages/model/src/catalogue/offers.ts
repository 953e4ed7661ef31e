import type { Architecture, Offer, Region, Share } from '../types';

/** An instance shape a provider sells everywhere it operates. */
interface Shape {
  type: string;
  vcpu: number;
  memoryGiB: number;
  architecture: Architecture;
  gpus?: number;
  gpuModel?: string;
  share?: Share;
  /** Price per hour in the cheapest region, EUR. */
  price: number;
}

const GPU_WATTS: Record<string, number> = { L4: 72, A100: 400, H100: 700 };

function family(prefix: string, options: { perVcpu: number; ratio: number; arch?: Architecture }): Shape[] {
  return [2, 4, 8, 16, 32, 64].map((vcpu) => ({
    type: `${prefix}.${vcpu}x`,
    vcpu,
    memoryGiB: vcpu * options.ratio,
    architecture: options.arch ?? 'x86_64',
    price: +(vcpu * options.perVcpu).toFixed(4),
  }));
}

// List prices of general-purpose cloud instances are about 0.04–0.05 per vCPU-hour with 4 GiB
// per vCPU; memory-optimised about 30% more, arm64 about 20% less, GPUs priced per card.
const SHAPES: Record<string, Shape[]> = {
  nimbus: [
    ...family('gp', { perVcpu: 0.046, ratio: 4 }),
    ...family('cpu', { perVcpu: 0.041, ratio: 2 }),
    ...family('mem', { perVcpu: 0.06, ratio: 8 }),
    ...family('arm', { perVcpu: 0.037, ratio: 4, arch: 'arm64' }),
    { type: 'gpu.l4.1x', vcpu: 8, memoryGiB: 32, architecture: 'x86_64', gpus: 1, gpuModel: 'L4', price: 0.98 },
    { type: 'gpu.a100.1x', vcpu: 12, memoryGiB: 85, architecture: 'x86_64', gpus: 1, gpuModel: 'A100', price: 3.4 },
    { type: 'gpu.h100.8x', vcpu: 192, memoryGiB: 2048, architecture: 'x86_64', gpus: 8, gpuModel: 'H100', price: 88 },
    { type: 'dh.gp.16x', vcpu: 16, memoryGiB: 64, architecture: 'x86_64', share: 'dedicated', price: 0.9 },
  ],
  aurora: [
    ...family('b', { perVcpu: 0.039, ratio: 4 }),
    ...family('m', { perVcpu: 0.052, ratio: 8 }),
    { type: 'gpu-l4-1', vcpu: 8, memoryGiB: 48, architecture: 'x86_64', gpus: 1, gpuModel: 'L4', price: 0.85 },
    { type: 'gpu-l4-2', vcpu: 16, memoryGiB: 96, architecture: 'x86_64', gpus: 2, gpuModel: 'L4', price: 1.7 },
    { type: 'ded-8', vcpu: 8, memoryGiB: 32, architecture: 'x86_64', share: 'dedicated', price: 0.42 },
    { type: 'ded-16', vcpu: 16, memoryGiB: 64, architecture: 'x86_64', share: 'dedicated', price: 0.82 },
    { type: 'ded-l4-16', vcpu: 16, memoryGiB: 64, architecture: 'x86_64', share: 'dedicated', gpus: 1, gpuModel: 'L4', price: 1.55 },
  ],
  boreal: [
    ...family('std', { perVcpu: 0.036, ratio: 4 }),
    ...family('arm', { perVcpu: 0.03, ratio: 4, arch: 'arm64' }),
    { type: 'hpc.64', vcpu: 64, memoryGiB: 256, architecture: 'x86_64', share: 'dedicated', price: 2.6 },
    { type: 'hpc.128', vcpu: 128, memoryGiB: 512, architecture: 'x86_64', share: 'dedicated', price: 5.0 },
  ],
  kumo: [
    ...family('s', { perVcpu: 0.044, ratio: 4 }),
    ...family('a', { perVcpu: 0.036, ratio: 4, arch: 'arm64' }),
    { type: 'g.a100', vcpu: 12, memoryGiB: 96, architecture: 'x86_64', gpus: 1, gpuModel: 'A100', price: 3.1 },
  ],
  voltgpu: [
    { type: 'l4.1', vcpu: 8, memoryGiB: 32, architecture: 'x86_64', gpus: 1, gpuModel: 'L4', price: 0.6 },
    { type: 'a100.1', vcpu: 16, memoryGiB: 120, architecture: 'x86_64', gpus: 1, gpuModel: 'A100', price: 1.6 },
    { type: 'h100.1', vcpu: 24, memoryGiB: 240, architecture: 'x86_64', gpus: 1, gpuModel: 'H100', price: 2.6 },
    { type: 'h100.4', vcpu: 96, memoryGiB: 960, architecture: 'x86_64', gpus: 4, gpuModel: 'H100', price: 10.2 },
    { type: 'h100.8', vcpu: 192, memoryGiB: 1920, architecture: 'x86_64', gpus: 8, gpuModel: 'H100', price: 20 },
    { type: 'cpu.32', vcpu: 32, memoryGiB: 128, architecture: 'x86_64', price: 1.2 },
  ],
  meridian: [...family('vm', { perVcpu: 0.05, ratio: 4 }), ...family('hm', { perVcpu: 0.065, ratio: 8 })],
};

// Regional price levels relative to each provider's cheapest region.
const REGION_PRICE: Record<string, number> = {
  'nimbus-us-east': 1,
  'nimbus-us-west': 1,
  'nimbus-eu-west': 1.08,
  'nimbus-eu-central': 1.14,
  'nimbus-ap-northeast': 1.26,
  'nimbus-ap-southeast': 1.24,
  'nimbus-ap-south': 1.05,
  'nimbus-sa-east': 1.55,
  'aurora-pl-waw': 1,
  'aurora-es-mad': 1.03,
  'aurora-fr-par': 1.08,
  'aurora-nl-ams': 1.1,
  'aurora-de-fra': 1.12,
  'boreal-se-lul': 1,
  'boreal-fi-hel': 1.04,
  'boreal-no-osl': 1.08,
  'boreal-is-kef': 1.02,
  'boreal-ch-zrh': 1.3,
  'kumo-sg-sin': 1.1,
  'kumo-kr-sel': 1,
  'kumo-jp-osa': 1.05,
  'voltgpu-ca-mtl': 1,
  'voltgpu-us-tx': 1.02,
  'voltgpu-fi-kaj': 1.04,
  'meridian-za-jnb': 1,
  'meridian-cl-scl': 1.1,
};

/** Providers that resell idle capacity as spot instances, and at what share of the price. */
const SPOT_DISCOUNT: Record<string, number> = { nimbus: 0.32, kumo: 0.4, voltgpu: 0.5 };

/** Typical power draw: ~4 W per vCPU, ~0.375 W per GiB, plus the GPUs' board power. */
function powerWatts(shape: Shape): number {
  return Math.round(shape.vcpu * 4 + shape.memoryGiB * 0.375 + (shape.gpus ?? 0) * (GPU_WATTS[shape.gpuModel ?? ''] ?? 300));
}

function offer(region: Region, shape: Shape, options: { market: 'on-demand' | 'spot'; asOf: string }): Offer {
  const level = REGION_PRICE[region.id] ?? 1;
  const spot = options.market === 'spot';
  const price = shape.price * level * (spot ? (SPOT_DISCOUNT[region.providerId] ?? 1) : 1);
  const gpus = shape.gpus ?? 0;
  const o: Offer = {
    id: `${region.id}:${shape.type}${spot ? ':spot' : ''}`,
    providerId: region.providerId,
    regionId: region.id,
    instanceType: shape.type,
    vcpu: shape.vcpu,
    memoryGiB: shape.memoryGiB,
    gpus,
    architecture: shape.architecture,
    share: shape.share ?? 'shared',
    pricePerHour: Math.round(price * 10_000) / 10_000,
    currency: 'EUR',
    market: options.market,
    availability: spot ? 95 : region.providerId === 'nimbus' ? 99.99 : 99.95,
    capacity: gpus > 0 ? (spot ? 4 : 16) : spot ? 50 : 400,
    powerWatts: powerWatts(shape),
    asOf: options.asOf,
  };
  if (shape.gpuModel) o.gpuModel = shape.gpuModel;
  return o;
}

/**
 * The offers of every demo region: each provider's shapes at the region's price level, plus
 * spot variants where the provider sells them.
 */
export function demoOffers(regions: readonly Region[], asOf: string): Offer[] {
  const out: Offer[] = [];
  for (const region of regions) {
    for (const shape of SHAPES[region.providerId] ?? []) {
      out.push(offer(region, shape, { market: 'on-demand', asOf }));
      if (SPOT_DISCOUNT[region.providerId] !== undefined && shape.share !== 'dedicated')
        out.push(offer(region, shape, { market: 'spot', asOf }));
    }
  }
  return out;
}

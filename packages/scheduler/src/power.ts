/**
 * Power estimate of a running instance. Per-vCPU figures are the midpoint (50 % load) of the
 * 0.74–3.5 W range commonly used for cloud CPUs, 0.392 W per GiB of memory, 250 W per GPU under
 * load. An estimate, not a measurement: a node may give its measured `powerWatts` instead.
 */
export const WATTS_PER_VCPU = 0.74 + 0.5 * (3.5 - 0.74);
export const WATTS_PER_GIB = 0.392;
export const WATTS_PER_GPU = 250;

/** Estimated power in kW of an instance with this shape. */
export function estimatePowerKW(shape: { vcpu: number; memoryGiB: number; gpus: number }): number {
  return (shape.vcpu * WATTS_PER_VCPU + shape.memoryGiB * WATTS_PER_GIB + shape.gpus * WATTS_PER_GPU) / 1000;
}

/** Carbon reference: one vCPU with 4 GiB at PUE 1.5 on a 450 g/kWh grid, in g/h. */
export const CARBON_REF_G_PER_VCPU_HOUR = estimatePowerKW({ vcpu: 1, memoryGiB: 4, gpus: 0 }) * 1.5 * 450;

/** How many vCPU a GPU counts for when sizing a node's references. */
export const VCPU_PER_GPU = 20;

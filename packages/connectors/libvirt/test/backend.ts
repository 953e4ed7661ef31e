/** Whether the libvirt test driver is available to this run (ACCORDS_TEST_LIBVIRT=1 and ACCORDS_TEST_LIBVIRT_URI). */
export const HAVE_LIBVIRT = process.env.ACCORDS_TEST_LIBVIRT === '1' && !!process.env.ACCORDS_TEST_LIBVIRT_URI;
/** Whether missing backends must fail the run instead of skipping. */
export const REQUIRE_BACKENDS = process.env.ACCORDS_REQUIRE_BACKENDS === '1';
/** The test driver's URI (a session daemon that keeps state across calls). */
export const TEST_URI = process.env.ACCORDS_TEST_LIBVIRT_URI ?? '';
/** The same daemon's qemu:///session URI, for the real-guest test. */
export const QEMU_URI = process.env.ACCORDS_TEST_LIBVIRT_QEMU_URI ?? '';

/** A configuration for the test driver: its `default-pool` and `default` network, small shapes. */
export function testDriverConfig(overrides: Record<string, unknown> = {}) {
  return {
    providerId: 'lab-test',
    uri: TEST_URI,
    pool: 'default-pool',
    defaultNetwork: 'default',
    site: { country: 'DE', city: 'Berlin', coordinates: { lat: 52.52, lon: 13.4 }, timeZone: 'Europe/Berlin' },
    shapes: [
      { id: 'tiny', cores: 1, memoryGiB: 0.125 },
      { id: 'mini', cores: 2, memoryGiB: 0.25 },
    ],
    pricing: { currency: 'EUR', coreHour: 0.01, memoryGiBHour: 0.004 },
    gracefulStopMs: 5_000,
    ...overrides,
  };
}

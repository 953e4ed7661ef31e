import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isConnectorError } from '@accords/connector-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibvirtConnector } from '../src/index';
import { createLibvirtConnector } from '../src/index';
import { HAVE_LIBVIRT, QEMU_URI, REQUIRE_BACKENDS } from './backend';
import type { GuestImage } from './guest-image';
import { buildGuestImage } from './guest-image';

const HAVE_QEMU = HAVE_LIBVIRT && QEMU_URI !== '';

describe.runIf(HAVE_QEMU)('a real QEMU guest through qemu:///session (software emulation)', () => {
  let dir: string;
  let image: GuestImage;
  let connector: LibvirtConnector;
  let created: string | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accords-guest-'));
    // The session daemon runs as an unprivileged user: it must read the images and write the log.
    await chmod(dir, 0o777);
    image = await buildGuestImage(dir);
    connector = createLibvirtConnector({
      providerId: 'lab-qemu',
      uri: QEMU_URI,
      domainType: 'qemu',
      site: { country: 'DE', coordinates: { lat: 52.52, lon: 13.4 }, timeZone: 'Europe/Berlin' },
      shapes: [{ id: 'guest', cores: 1, memoryGiB: 0.25 }],
      pricing: { currency: 'EUR', coreHour: 0.01, memoryGiBHour: 0.004 },
      images: [{ id: 'busybox', name: 'busybox initramfs', os: 'linux', kernel: image.kernel, initrd: image.initrd, cmdline: image.cmdline }],
      consoleLogDir: dir,
      gracefulStopMs: 2_000,
    });
  });

  afterAll(async () => {
    if (created) await connector.delete(created).catch(() => undefined);
    await connector?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('boots the guest to its init, then stops and deletes it', { timeout: 180_000 }, async () => {
    const { offers } = await connector.offers();
    expect(offers.map((o) => o.id)).toEqual(['lab-qemu.guest']);
    const made = await connector.create({
      kind: 'compute',
      idempotencyKey: `qemu-guest-${process.pid}-${Date.now()}`,
      regionId: 'lab-qemu:local',
      offerId: 'lab-qemu.guest',
      name: 'busybox guest',
      image: 'busybox',
    });
    created = made.id;
    expect(made.state).toBe('active');
    expect(made.attributes['accords.libvirt.type']).toBe('qemu');
    const log = join(dir, `${String(made.attributes['accords.libvirt.domain'])}.log`);
    const started = Date.now();
    let serial = '';
    while (!serial.includes(image.marker) && Date.now() - started < 150_000) {
      await new Promise((r) => setTimeout(r, 500));
      serial = await readFile(log, 'utf8').catch(() => '');
    }
    expect(serial, `serial console of the guest (kernel and busybox from ${image.sources.join(', ')})`).toContain(image.marker);
    expect(serial).toMatch(/ACCORDS-GUEST-UP kernel=\d+\.\d+/);
    process.stdout.write(`qemu guest: init reached after ${Date.now() - started} ms of boot\n`);

    expect((await connector.get(made.id)).state).toBe('active');
    expect((await connector.act(made.id, 'suspend')).state).toBe('suspended');
    expect((await connector.act(made.id, 'resume')).state).toBe('active');
    // busybox init ignores ACPI: a graceful stop gives up after gracefulStopMs and cuts power.
    expect((await connector.act(made.id, 'stop')).state).toBe('inactive');
    await connector.delete(made.id);
    created = undefined;
    const gone = await connector.get(made.id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConnectorError(gone) && gone.kind).toBe('not_found');
  });
});

describe.runIf(!HAVE_QEMU)('a real QEMU guest', () => {
  it.runIf(REQUIRE_BACKENDS)('needs ACCORDS_TEST_LIBVIRT_QEMU_URI', () => {
    throw new Error('ACCORDS_REQUIRE_BACKENDS=1 but ACCORDS_TEST_LIBVIRT_QEMU_URI is not set: start libvirt with scripts/test-all.sh');
  });
  it.skipIf(REQUIRE_BACKENDS)('skipped: set ACCORDS_TEST_LIBVIRT=1 and ACCORDS_TEST_LIBVIRT_QEMU_URI to boot a guest', () => undefined);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryToMiB, parseDomainXml, renderDomainXml } from './domain-xml';

// What `virsh dumpxml` printed for a domain of libvirt's test driver.
const DUMPED = `<domain type='test' id='4'>
  <name>web-1-25e78447</name>
  <uuid>14cca45f-4258-8a0d-9169-1b4538157083</uuid>
  <metadata>
    <accords:resource xmlns:accords="http://schemas.accords.dev/libvirt/1" key="key-00000001" offer="lab.small" name="web 1" created="2026-11-23T17:39:33.968Z">
      <accords:label key="app" value="x"/>
    </accords:resource>
  </metadata>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>524288</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
  <devices>
    <disk type='volume' device='disk'><source pool='default-pool' volume='x.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
    <interface type='network'><mac address='52:54:00:97:57:5b'/><source network='default'/></interface>
  </devices>
</domain>`;

describe('domain XML', () => {
  it('parses what libvirt prints, including the Accords metadata', () => {
    const r = parseDomainXml(DUMPED);
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'web-1-25e78447',
        uuid: '14cca45f-4258-8a0d-9169-1b4538157083',
        type: 'test',
        id: 4,
        memoryMiB: 1024,
        currentMemoryMiB: 512,
        vcpus: 1,
        disks: [{ target: 'vda', pool: 'default-pool', volume: 'x.qcow2' }],
        interfaces: [{ network: 'default', mac: '52:54:00:97:57:5b' }],
        metadata: { idempotencyKey: 'key-00000001', offerId: 'lab.small', name: 'web 1', createdAt: '2026-11-23T17:39:33.968Z', labels: { app: 'x' } },
      },
    });
  });

  it('keeps any name, key and labels through render and parse', () => {
    const label = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,10}$/);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)),
        fc.stringMatching(/^[A-Za-z0-9._:-]{8,40}$/),
        fc.dictionary(label, fc.string({ maxLength: 10 }).filter((s) => !/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)), { maxKeys: 3 }),
        fc.integer({ min: 64, max: 65536 }),
        (userName, key, labels, mem) => {
          const xml = renderDomainXml({ name: 'd', type: 'kvm', memoryMiB: mem, vcpus: 2, metadata: { idempotencyKey: key, name: userName, labels } });
          const xmlWithUuid = xml.replace('</name>', '</name><uuid>00000000-0000-8000-8000-000000000000</uuid>');
          const parsed = parseDomainXml(xmlWithUuid);
          expect(parsed.ok && parsed.value.memoryMiB).toBe(mem);
          expect(parsed.ok && parsed.value.metadata).toEqual({ idempotencyKey: key, name: userName, ...(Object.keys(labels).length ? { labels } : {}) });
        },
      ),
    );
  });

  it('renders direct kernel boot with a serial console log and no boot device', () => {
    const xml = renderDomainXml({ name: 'g', type: 'qemu', memoryMiB: 256, vcpus: 1, kernel: '/k', initrd: '/i', cmdline: 'console=ttyS0', serialLog: '/tmp/g.log' });
    expect(xml).toContain('<kernel>/k</kernel>');
    expect(xml).toContain('<cmdline>console=ttyS0</cmdline>');
    expect(xml).not.toContain('<boot');
    expect(xml).toContain('<serial type="file">\n      <source path="/tmp/g.log"/>');
  });

  it('says what is wrong with XML that is not a domain', () => {
    expect(parseDomainXml('<network/>')).toEqual({ ok: false, issues: [{ message: 'expected <domain>, got <network>' }] });
    expect(parseDomainXml('<domain><name>x</name></domain>')).toEqual({ ok: false, issues: [{ message: '<domain> without <name> or <uuid>' }] });
    expect(parseDomainXml('<domain>')).toMatchObject({ ok: false, issues: [{ line: 1 }] });
  });

  it('converts memory units to MiB', () => {
    expect(memoryToMiB('8388608', 'KiB')).toBe(8192);
    expect(memoryToMiB('2', 'GiB')).toBe(2048);
    expect(memoryToMiB('512', 'MiB')).toBe(512);
    expect(memoryToMiB('1048576', undefined)).toBe(1024);
  });
});

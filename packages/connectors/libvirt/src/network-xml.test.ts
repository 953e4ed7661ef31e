import { describe, expect, it } from 'vitest';
import { formatIpv4, parseIpv4Cidr, parseNetworkXml, renderNetworkXml } from './network-xml';
import { parseVolumeXml, renderVolumeXml, sizeToBytes } from './volume-xml';

describe('network XML', () => {
  it('renders a NAT network whose host takes the first address and DHCP the rest', () => {
    const xml = renderNetworkXml({ name: 'n', uuid: '00000000-0000-8000-8000-000000000001', bridge: 'vbr1', cidr: '10.9.8.0/24', metadata: { idempotencyKey: 'k1234567' } });
    expect(xml).toContain('<forward mode="nat"/>');
    expect(xml).toContain('<ip address="10.9.8.1" netmask="255.255.255.0">');
    expect(xml).toContain('<range start="10.9.8.2" end="10.9.8.254"/>');
    const parsed = parseNetworkXml(xml);
    expect(parsed).toEqual({ ok: true, value: { name: 'n', uuid: '00000000-0000-8000-8000-000000000001', bridge: 'vbr1', address: '10.9.8.1/24', metadata: { idempotencyKey: 'k1234567' } } });
  });

  it('parses CIDRs, normalising the host bits and refusing what cannot be a libvirt subnet', () => {
    expect(parseIpv4Cidr('10.1.2.3/16')).toEqual({ network: (10 << 24) | (1 << 16), prefix: 16 });
    expect(formatIpv4(parseIpv4Cidr('192.168.5.77/29')!.network)).toBe('192.168.5.72');
    for (const bad of ['10.0.0.0/31', '10.0.0.0/4', '256.0.0.0/24', '10.0.0/24', 'x']) expect(parseIpv4Cidr(bad), bad).toBeUndefined();
    expect(() => renderNetworkXml({ name: 'n', uuid: 'u', bridge: 'b', cidr: '10.0.0.0/31' })).toThrow(/invalid IPv4 CIDR/);
  });
});

describe('volume XML', () => {
  it('renders and reads a volume', () => {
    const xml = renderVolumeXml({ name: 'v.qcow2', capacityBytes: 1073741824 });
    expect(xml).toContain('<format type="qcow2"/>');
    const dumped = `<volume type='file'><name>v.qcow2</name><key>/p/v.qcow2</key><capacity unit='bytes'>1073741824</capacity><allocation unit='KiB'>4</allocation><target><path>/p/v.qcow2</path><format type='qcow2'/></target></volume>`;
    expect(parseVolumeXml(dumped)).toEqual({ ok: true, value: { name: 'v.qcow2', key: '/p/v.qcow2', path: '/p/v.qcow2', capacityBytes: 1073741824, allocationBytes: 4096, format: 'qcow2' } });
    expect(sizeToBytes('2', 'GiB')).toBe(2 * 1024 ** 3);
    expect(parseVolumeXml('<pool/>')).toEqual({ ok: false, issues: [{ message: 'expected <volume> with <name>' }] });
  });
});

import { KIND, MIXIN, ACTION } from '../src/index';
import type { EntityCollection, LinkData, ResourceData } from '../src/index';

/** A realistic entity collection of about `targetBytes` in occi+json. */
export function makeCollection(targetBytes: number): EntityCollection {
  const resources: ResourceData[] = [];
  const links: LinkData[] = [];
  let i = 0;
  let size = 0;
  while (size < targetBytes) {
    const id = `0c6f8e1a-${String(i).padStart(4, '0')}-4d2e-9a7b-5f3c2d1e0b9a`;
    const r: ResourceData = {
      id,
      kind: KIND.compute,
      mixins: [MIXIN.osTpl, MIXIN.sshKey],
      title: `vm-${i} "web" tier`,
      summary: 'benchmark compute resource',
      attributes: {
        'occi.compute.architecture': 'x64',
        'occi.compute.cores': 1 + (i % 16),
        'occi.compute.memory': 0.5 * (1 + (i % 64)),
        'occi.compute.hostname': `vm-${i}.example.org`,
        'occi.compute.share': i % 8,
        'occi.compute.state': i % 3 ? 'active' : 'inactive',
        'occi.credentials.ssh.publickey': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ' + String(i).padStart(8, '0'),
        'com.example.tags': ['a', 'b', i % 5],
      },
      actions: [ACTION.compute.stop, ACTION.compute.restart],
      location: `/compute/${id}`,
      links: [
        {
          id: `${id}-nic`,
          kind: KIND.networkinterface,
          mixins: [MIXIN.ipnetworkinterface],
          attributes: { 'occi.networkinterface.interface': 'eth0', 'occi.networkinterface.mac': '00:11:22:33:44:55', 'occi.networkinterface.address': `10.0.${i % 250}.${i % 200}`, 'occi.networkinterface.allocation': 'static', 'occi.networkinterface.state': 'active' },
          source: { location: `/compute/${id}`, kind: KIND.compute },
          target: { location: '/network/public', kind: KIND.network },
          location: `/networkinterface/${id}-nic`,
        },
      ],
    };
    resources.push(r);
    size += JSON.stringify(r).length;
    if (i % 4 === 0) {
      const l: LinkData = { id: `${id}-disk`, kind: KIND.storagelink, mixins: [], attributes: { 'occi.storagelink.deviceid': 'vda', 'occi.storagelink.state': 'active' }, source: { location: `/compute/${id}` }, target: { location: `/storage/${id}`, kind: KIND.storage } };
      links.push(l);
      size += JSON.stringify(l).length;
    }
    i++;
  }
  return { resources, links };
}


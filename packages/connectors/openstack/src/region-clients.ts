import { GlanceClient } from './glance';
import type { KeystoneSession } from './keystone';
import { NeutronClient } from './neutron';
import { NovaClient } from './nova';
import { ServiceClient } from './service-client';

/** The service clients of one region. */
export interface RegionClients {
  region: string;
  nova: NovaClient;
  glance: GlanceClient;
  neutron: NeutronClient;
}

/** Creates (once per region) the Nova, Glance and Neutron clients over a shared Keystone session. */
export class RegionClientPool {
  private readonly byRegion = new Map<string, RegionClients>();
  private readonly options: { session: KeystoneSession; interface?: string; timeoutMs?: number };

  constructor(options: { session: KeystoneSession; interface?: string; timeoutMs?: number }) {
    this.options = options;
  }

  /** The clients of a region. */
  get(region: string): RegionClients {
    let clients = this.byRegion.get(region);
    if (!clients) {
      const service = (serviceType: string) => new ServiceClient({ session: this.options.session, serviceType, region, interface: this.options.interface, timeoutMs: this.options.timeoutMs });
      clients = { region, nova: new NovaClient(service('compute')), glance: new GlanceClient(service('image')), neutron: new NeutronClient(service('network')) };
      this.byRegion.set(region, clients);
    }
    return clients;
  }
}

import type { AttributeSpec } from '../model/attribute-definition';
import type { CategoryCollection } from '../model/category';
import {
  OCCI_COMPUTE_ACTION,
  OCCI_CORE,
  OCCI_INFRA,
  OCCI_INFRA_COMPUTE,
  OCCI_INFRA_CREDENTIALS,
  OCCI_INFRA_NETWORK,
  OCCI_INFRA_NETWORKINTERFACE,
  OCCI_NETWORK_ACTION,
  OCCI_STORAGE_ACTION,
} from './schemes';

const IP = '^(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$';
const CIDR = '^(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)/\\d{1,3}$';
const MAC = '^(?:[0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$';

function state(values: string[], initial: string | undefined, what: string): Record<string, AttributeSpec> {
  const spec: AttributeSpec = { type: 'enum', enum: values, mutable: false, required: true, description: `Current state of the ${what}` };
  if (initial !== undefined) spec.default = initial;
  return {
    [`occi.${what}.state`]: spec,
    [`occi.${what}.state.message`]: { type: 'string', mutable: false, required: false, description: 'Human-readable explanation of the current state' },
  };
}

/** OCCI Infrastructure 1.2 (GFD.224): compute, storage, network, the links, and their mixins. */
export const INFRASTRUCTURE_CATEGORIES: CategoryCollection = {
  kinds: [
    {
      scheme: OCCI_INFRA,
      term: 'compute',
      title: 'Compute Resource',
      parent: OCCI_CORE + 'resource',
      location: '/compute/',
      attributes: {
        'occi.compute.architecture': { type: 'enum', enum: ['x86', 'x64'], mutable: true, required: false, description: 'CPU architecture of the instance' },
        'occi.compute.cores': { type: 'integer', mutable: true, required: false, description: 'Number of virtual CPU cores' },
        'occi.compute.hostname': { type: 'string', mutable: true, required: false, description: 'Fully qualified DNS hostname' },
        'occi.compute.share': { type: 'integer', mutable: true, required: false, description: 'Relative number of CPU shares' },
        'occi.compute.memory': { type: 'number', mutable: true, required: false, description: 'Maximum RAM in gigabytes (GiB)' },
        ...state(['active', 'inactive', 'suspended', 'error'], 'inactive', 'compute'),
      },
      actions: ['start', 'stop', 'restart', 'suspend', 'save'].map((t) => OCCI_COMPUTE_ACTION + t),
    },
    {
      scheme: OCCI_INFRA,
      term: 'storage',
      title: 'Storage Resource',
      parent: OCCI_CORE + 'resource',
      location: '/storage/',
      attributes: {
        'occi.storage.size': { type: 'number', mutable: true, required: true, description: 'Storage size in gigabytes (GiB)' },
        ...state(['online', 'offline', 'error'], 'offline', 'storage'),
      },
      actions: [OCCI_STORAGE_ACTION + 'online', OCCI_STORAGE_ACTION + 'offline'],
    },
    {
      scheme: OCCI_INFRA,
      term: 'network',
      title: 'Network Resource',
      parent: OCCI_CORE + 'resource',
      location: '/network/',
      attributes: {
        'occi.network.vlan': { type: 'integer', mutable: true, required: false, description: '802.1q VLAN identifier (0-4095)' },
        'occi.network.label': { type: 'string', pattern: '^\\S+$', mutable: true, required: false, description: 'Tag based VLAN label (a token)' },
        ...state(['active', 'inactive', 'error'], 'inactive', 'network'),
      },
      actions: [OCCI_NETWORK_ACTION + 'up', OCCI_NETWORK_ACTION + 'down'],
    },
    {
      scheme: OCCI_INFRA,
      term: 'networkinterface',
      title: 'NetworkInterface Link',
      parent: OCCI_CORE + 'link',
      location: '/networkinterface/',
      attributes: {
        'occi.networkinterface.interface': { type: 'string', mutable: false, required: true, description: "Identifier of the link's device interface" },
        'occi.networkinterface.mac': { type: 'string', pattern: MAC, mutable: true, required: true, description: 'MAC address of the interface' },
        ...state(['active', 'inactive', 'error'], 'inactive', 'networkinterface'),
      },
    },
    {
      scheme: OCCI_INFRA,
      term: 'storagelink',
      title: 'StorageLink Link',
      parent: OCCI_CORE + 'link',
      location: '/storagelink/',
      attributes: {
        'occi.storagelink.deviceid': { type: 'string', mutable: true, required: true, description: 'Device identifier as defined by the provider' },
        'occi.storagelink.mountpoint': { type: 'string', mutable: true, required: false, description: 'Where the storage is mounted in the guest OS' },
        ...state(['active', 'inactive', 'error'], 'inactive', 'storagelink'),
      },
    },
  ],
  mixins: [
    {
      scheme: OCCI_INFRA_NETWORK,
      term: 'ipnetwork',
      title: 'IP Networking Mixin',
      applies: [OCCI_INFRA + 'network'],
      location: '/mixin/ipnetwork/',
      attributes: {
        'occi.network.address': { type: 'string', pattern: CIDR, mutable: true, required: false, description: 'IP network address in CIDR notation' },
        'occi.network.gateway': { type: 'string', pattern: IP, mutable: true, required: false, description: 'IP address of the gateway' },
        'occi.network.allocation': { type: 'enum', enum: ['dynamic', 'static'], mutable: true, required: false, description: 'Address allocation mechanism' },
      },
    },
    {
      scheme: OCCI_INFRA_NETWORKINTERFACE,
      term: 'ipnetworkinterface',
      title: 'IP Network Interface Mixin',
      applies: [OCCI_INFRA + 'networkinterface'],
      location: '/mixin/ipnetworkinterface/',
      attributes: {
        'occi.networkinterface.address': { type: 'string', pattern: IP, mutable: true, required: true, description: 'IP address of the interface' },
        'occi.networkinterface.gateway': { type: 'string', pattern: IP, mutable: true, required: false, description: 'IP address of the gateway' },
        'occi.networkinterface.allocation': { type: 'enum', enum: ['dynamic', 'static'], mutable: true, required: true, description: 'Address allocation mechanism' },
      },
    },
    { scheme: OCCI_INFRA, term: 'os_tpl', title: 'OS Template', applies: [OCCI_INFRA + 'compute'], location: '/mixin/os_tpl/' },
    { scheme: OCCI_INFRA, term: 'resource_tpl', title: 'Resource Template', applies: [OCCI_INFRA + 'compute'], location: '/mixin/resource_tpl/' },
    {
      scheme: OCCI_INFRA_CREDENTIALS,
      term: 'ssh_key',
      title: 'Credentials Mixin',
      applies: [OCCI_INFRA + 'compute'],
      location: '/mixin/ssh_key/',
      attributes: { 'occi.credentials.ssh.publickey': { type: 'string', mutable: true, required: true, description: 'SSH public key to contextualise the instance' } },
    },
    {
      scheme: OCCI_INFRA_COMPUTE,
      term: 'user_data',
      title: 'Contextualization Mixin',
      applies: [OCCI_INFRA + 'compute'],
      location: '/mixin/user_data/',
      attributes: { 'occi.compute.userdata': { type: 'string', mutable: true, required: true, description: 'Contextualisation data (base64)' } },
    },
  ],
  actions: [
    { scheme: OCCI_COMPUTE_ACTION, term: 'start', title: 'Start the compute instance' },
    {
      scheme: OCCI_COMPUTE_ACTION,
      term: 'stop',
      title: 'Stop the compute instance',
      attributes: { method: { type: 'enum', enum: ['graceful', 'acpioff', 'poweroff'], mutable: true, required: false, default: 'graceful' } },
    },
    {
      scheme: OCCI_COMPUTE_ACTION,
      term: 'restart',
      title: 'Restart the compute instance',
      attributes: { method: { type: 'enum', enum: ['graceful', 'warm', 'cold'], mutable: true, required: false, default: 'graceful' } },
    },
    {
      scheme: OCCI_COMPUTE_ACTION,
      term: 'suspend',
      title: 'Suspend the compute instance',
      attributes: { method: { type: 'enum', enum: ['hibernate', 'suspend'], mutable: true, required: false, default: 'suspend' } },
    },
    {
      scheme: OCCI_COMPUTE_ACTION,
      term: 'save',
      title: 'Save the compute instance',
      attributes: {
        method: { type: 'enum', enum: ['hot', 'deferred'], mutable: true, required: false, default: 'hot' },
        name: { type: 'string', mutable: true, required: false, description: 'Name of the saved image' },
      },
    },
    { scheme: OCCI_STORAGE_ACTION, term: 'online', title: 'Bring the storage online' },
    { scheme: OCCI_STORAGE_ACTION, term: 'offline', title: 'Take the storage offline' },
    { scheme: OCCI_NETWORK_ACTION, term: 'up', title: 'Bring the network up' },
    { scheme: OCCI_NETWORK_ACTION, term: 'down', title: 'Take the network down' },
  ],
};

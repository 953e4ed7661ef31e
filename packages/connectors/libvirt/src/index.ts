/**
 * @accords/connector-libvirt: an Accords connector for libvirt hosts, driven through `virsh` and
 * domain, volume and network XML (no native bindings).
 * @packageDocumentation
 */
export { createLibvirtConnector, LibvirtConnector } from './connector';
export type { ConfigIssue, LibvirtConnectorConfig, LibvirtImage, LibvirtPricing, LibvirtShape } from './config';
export { DEFAULT_SHAPES, validateLibvirtConfig } from './config';
export type { DomainState, NodeInfo } from './libvirt-client';
export { LibvirtClient } from './libvirt-client';
export type { VirshOptions, VirshRunOptions } from './virsh';
export { Virsh, VirshError } from './virsh';
export type { FaultClass } from './faults';
export { classifyVirshError } from './faults';
export type { AccordsMetadata, DomainDisk, DomainInfo, DomainInterface, DomainSpec } from './domain-xml';
export { ACCORDS_XML_NS, parseDomainXml, renderDomainXml } from './domain-xml';
export type { NetworkInfo, NetworkSpec as LibvirtNetworkSpec } from './network-xml';
export { parseNetworkXml, renderNetworkXml } from './network-xml';
export type { VolumeInfo, VolumeSpec } from './volume-xml';
export { parseVolumeXml, renderVolumeXml } from './volume-xml';
export type { XmlElement, XmlParseResult } from './xml';
export { escapeXml, parseXml, renderXml } from './xml';
export { computeStateOf } from './states';
export type { HostLoad } from './offers';
export { buildOffers, buildRegion, offerIdOf, regionIdOf } from './offers';
export type { SiteConfig } from './config';

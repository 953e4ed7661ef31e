/** @accords/connector-openstack: An Accords connector for OpenStack: Keystone v3, Nova, Glance, Neutron. */
export const PACKAGE_NAME = '@accords/connector-openstack';

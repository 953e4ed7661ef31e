/** @accords/connector-occi: An Accords connector that drives any OCCI 1.2 server, including another Accords (federation). */
export const PACKAGE_NAME = '@accords/connector-occi';

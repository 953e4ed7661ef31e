/** @accords/sdk: A thin typed OCCI 1.2 client for Accords and any OCCI server, and the accords CLI. */
export const PACKAGE_NAME = '@accords/sdk';

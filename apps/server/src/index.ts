/** @accords/server: The Accords reference OCCI server and broker: express, typeorm, sqlite or PostgreSQL. */
export const PACKAGE_NAME = '@accords/server';

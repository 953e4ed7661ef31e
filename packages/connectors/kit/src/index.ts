/** @accords/connector-kit: The Accords connector SPI, its error taxonomy, shared mechanics (rate limits, retries, credentials) and a conformance suite. */
export const PACKAGE_NAME = '@accords/connector-kit';

/** @accords/occi: OCCI 1.2 Core, Infrastructure, SLA, Monitoring and Platform model with text/plain, text/occi, text/uri-list and occi+json renderings. */
export const PACKAGE_NAME = '@accords/occi';

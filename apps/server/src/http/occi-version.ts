import type { ServerError } from '../errors';
import { serverError } from '../errors';

/** The server's version, as announced in `Server`. */
export const SERVER_VERSION = '0.1.0';

/** The `Server` header of every answer. */
export const SERVER_HEADER = `Accords/${SERVER_VERSION} OCCI/1.2`;

/**
 * Refuses clients announcing an OCCI version above 1.2 (`OCCI/x.y` in `User-Agent`): 501, as
 * GFD.223 asks. OCCI/1.1 clients are served.
 * @param agent - the `User-Agent` header
 * @returns the 501 to answer, or undefined when the client may be served
 * @example occiVersionError('client OCCI/1.3')?.status // 501
 */
export function occiVersionError(agent: string | undefined): ServerError | undefined {
  const match = agent ? /\bOCCI\/(\d+)\.(\d+)/i.exec(agent) : null;
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major > 1 || (major === 1 && minor > 2)) {
    return serverError('not_implemented', `this server speaks OCCI/1.2; the client announced OCCI/${major}.${minor}`, { location: { header: 'User-Agent' } });
  }
  return undefined;
}

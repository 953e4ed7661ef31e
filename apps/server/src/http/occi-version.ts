import type { RequestHandler } from 'express';
import { serverError } from '../errors';

/** The server's version, as announced in `Server`. */
export const SERVER_VERSION = '0.1.0';

/** The `Server` header of every answer. */
export const SERVER_HEADER = `Accords/${SERVER_VERSION} OCCI/1.2`;

/**
 * Sets `Server` on every answer and refuses clients announcing an OCCI version above 1.2
 * (`OCCI/x.y` in `User-Agent`): 501, as GFD.223 asks. OCCI/1.1 clients are served.
 * @returns the middleware
 */
export function occiVersion(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Server', SERVER_HEADER);
    const agent = req.headers['user-agent'];
    const match = agent ? /\bOCCI\/(\d+)\.(\d+)/i.exec(agent) : null;
    if (match) {
      const major = Number(match[1]);
      const minor = Number(match[2]);
      if (major > 1 || (major === 1 && minor > 2)) {
        next(serverError('not_implemented', `this server speaks OCCI/1.2; the client announced OCCI/${major}.${minor}`, { location: { header: 'User-Agent' } }));
        return;
      }
    }
    next();
  };
}

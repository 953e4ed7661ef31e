import type { RequestHandler } from 'express';
import { serverError } from '../errors';
import type { Database } from '../store/database';
import { findPrincipal } from '../store/tenant-repo';
import type { Principal } from '../store/tenant-repo';
import { hashToken } from '../auth/tokens';
import type { PrincipalCache } from '../auth/principal-cache';

/**
 * Reads the token of a request: `Authorization: Bearer <token>`, or HTTP Basic whose password
 * is the token (the user name is ignored).
 * @param header - the `Authorization` header
 * @returns the token, or undefined when there is none
 */
export function tokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(/\s+/, 2);
  if (!value) return undefined;
  if (scheme!.toLowerCase() === 'bearer') return value;
  if (scheme!.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

/**
 * Authenticates every request (bearer token or HTTP Basic) and stores the
 * {@link Principal} in `res.locals.principal`; 401 with `WWW-Authenticate` otherwise.
 * @param db - the database holding the token hashes
 * @param cache - recently seen tokens
 * @returns the middleware
 */
export function authenticate(db: Database, cache: PrincipalCache): RequestHandler {
  return (req, res, next) => {
    const token = tokenOf(req.headers.authorization);
    const challenge = () => res.setHeader('WWW-Authenticate', 'Bearer realm="accords", Basic realm="accords"');
    if (token === undefined) {
      challenge();
      next(serverError('unauthorized', 'authentication required: send Authorization: Bearer <token> (or Basic with the token as password)', { location: { header: 'Authorization' } }));
      return;
    }
    const hash = hashToken(token);
    const cached = cache.get(hash);
    if (cached) {
      res.locals.principal = cached;
      next();
      return;
    }
    db.read((manager) => findPrincipal(manager, token)).then(
      (principal: Principal | undefined) => {
        if (principal) cache.set(hash, principal);
        if (!principal) {
          challenge();
          next(serverError('unauthorized', 'the token is unknown or revoked', { location: { header: 'Authorization' } }));
          return;
        }
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** Credentials the client sends with every request. */
export type Credentials = { token: string } | { basic: { username: string; password: string } };

/**
 * The `Authorization` header value for the given credentials.
 * @param credentials - a bearer token or HTTP Basic user and password
 * @returns the header value, or undefined when there are no credentials
 * @example
 * authorizationHeader({ token: 'abc' }); // 'Bearer abc'
 */
export function authorizationHeader(credentials: Credentials | undefined): string | undefined {
  if (!credentials) return undefined;
  if ('token' in credentials) return `Bearer ${credentials.token}`;
  const { username, password } = credentials.basic;
  return `Basic ${base64(`${username}:${password}`)}`;
}

function base64(text: string): string {
  // UTF-8 first, so that non-Latin-1 passwords survive `btoa` (available in Node and browsers).
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

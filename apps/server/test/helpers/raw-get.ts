import { request } from 'node:http';

/**
 * GET with node:http and a large header limit: text/occi puts a whole listing in headers, more
 * than fetch's default 16 KiB allows.
 * @param url - absolute URL
 * @param headers - request headers
 * @returns status, headers (joined with ", ") and body
 */
export function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, maxHeaderSize: 4 * 1024 * 1024 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: res.statusCode ?? 0, headers: out, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

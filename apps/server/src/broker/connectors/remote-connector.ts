import { ConnectorError } from '@accords/connector-kit';
import type { CallOptions, Connector, ConnectorCapabilities, ConnectorErrorKind } from '@accords/connector-kit';

/**
 * A {@link Connector} whose implementation runs in another process behind
 * {@link serveConnector}. Errors keep their taxonomy kind; a connection failure is `transient`.
 *
 * @param options - the host's URL
 * @returns the connector
 * @throws ConnectorError when the host cannot be reached or does not describe itself
 * @example
 * const sim = await remoteConnector({ url: 'http://127.0.0.1:56001' });
 */
export async function remoteConnector(options: { url: string }): Promise<Connector> {
  const base = options.url.replace(/\/$/, '');
  let described: { providerId: string; capabilities: ConnectorCapabilities };
  try {
    const res = await fetch(`${base}/describe`);
    described = (await res.json()) as typeof described;
  } catch (cause) {
    throw new ConnectorError('transient', `connector host ${base} unreachable`, { cause, operation: 'describe' });
  }
  const call = async <T>(method: string, args: unknown[], opts?: CallOptions): Promise<T> => {
    let body: { value?: T; error?: { kind: ConnectorErrorKind; message: string; retryAfterMs?: number } };
    try {
      const signal = opts?.timeoutMs !== undefined
        ? AbortSignal.any([AbortSignal.timeout(opts.timeoutMs), ...(opts.signal ? [opts.signal] : [])])
        : opts?.signal;
      const res = await fetch(`${base}/call/${method}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ args }),
        ...(signal ? { signal } : {}),
      });
      body = (await res.json()) as typeof body;
    } catch (cause) {
      if (opts?.signal?.aborted) throw new ConnectorError('cancelled', `${method} cancelled`, { cause, operation: method });
      throw new ConnectorError('transient', `connector host ${base} failed during ${method}`, { cause, operation: method });
    }
    if (body.error) {
      const e = body.error;
      throw new ConnectorError(e.kind, e.message, {
        providerId: described.providerId, operation: method, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
      });
    }
    return body.value as T;
  };
  const connector: Connector = {
    providerId: described.providerId,
    capabilities: described.capabilities,
    regions: (o) => call('regions', [], o),
    offers: (o) => call('offers', [], o),
    create: (spec, o) => call('create', [spec], o),
    get: (id, o) => call('get', [id], o),
    list: (o) => call('list', [], o),
    act: (id, action, o) => call('act', [id, action], o),
    delete: (id, o) => call('delete', [id], o),
  };
  if (described.capabilities.images) connector.images = (o) => call('images', [], o);
  if (described.capabilities.resize) connector.resize = (id, offerId, o) => call('resize', [id, offerId], o);
  if (described.capabilities.usage) connector.usage = (q, o) => call('usage', [q], o);
  return connector;
}

import { randomUUID } from 'node:crypto';
import { parse, render } from '@accords/occi';
import type { MediaType, Structure, StructureMap } from '@accords/occi';

/** The renderings every protocol row is tested in. */
export const RENDERINGS: MediaType[] = ['text/plain', 'text/occi', 'application/occi+json', 'application/json'];

/** Well-known identifiers. */
export const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
export const COMPUTE = `${INFRA}compute`;
export const STORAGE = `${INFRA}storage`;
export const NETWORK = `${INFRA}network`;
export const NETWORKINTERFACE = `${INFRA}networkinterface`;
export const STORAGELINK = `${INFRA}storagelink`;
export const COMPUTE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';

/**
 * Encodes a structure as a request in a rendering (body, or headers for text/occi).
 * @param structure - what to send
 * @param type - the rendering
 * @param value - the value
 * @returns fetch init fields
 */
export function encode<S extends Structure>(structure: S, type: MediaType, value: StructureMap[S]): { headers: Record<string, string>; body?: string } {
  const rendered = render(structure, type, value);
  const headers: Record<string, string> = { 'content-type': type };
  for (const [name, values] of Object.entries(rendered.headers)) headers[name] = values.join(', ');
  return rendered.body === '' ? { headers } : { headers, body: rendered.body };
}

/**
 * Decodes an answer with @accords/occi.
 * @param structure - what the answer holds
 * @param res - the answer
 * @returns the value
 */
export async function decode<S extends Structure>(structure: S, res: Response): Promise<StructureMap[S]> {
  const type = (res.headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim() as MediaType;
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return parse(structure, type, { headers, body: await res.text() });
}

/**
 * A request creating/sending a structure in a rendering, answered in the same rendering.
 * @param structure - what to send
 * @param type - the rendering
 * @param value - the value
 * @returns fetch init
 */
export function occi<S extends Structure>(structure: S, type: MediaType, value: StructureMap[S]): RequestInit {
  const { headers, body } = encode(structure, type, value);
  return { headers: { ...headers, accept: type }, ...(body !== undefined ? { body } : {}) };
}

/**
 * A plain compute resource.
 * @param attributes - extra attributes
 * @returns resource data without id
 */
export function compute(attributes: Record<string, string | number | boolean> = {}, mixins: string[] = []): StructureMap['resource'] {
  return { id: randomUUID(), kind: COMPUTE, mixins, attributes, links: [] } as unknown as StructureMap['resource'];
}

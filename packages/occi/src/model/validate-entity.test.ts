import { describe, expect, it } from 'vitest';
import { KIND, MIXIN, ACTION } from '../standard/schemes';
import { createStandardModel } from '../standard/standard-model';
import type { LinkData, ResourceData } from './entity';

const model = createStandardModel();

function storage(attributes: ResourceData['attributes'] = { 'occi.storage.size': 10 }): ResourceData {
  return { id: 's1', kind: KIND.storage, mixins: [], attributes, links: [] };
}

function codes(r: { ok: boolean; issues?: { code: string; location?: { attribute?: string } }[] }): string[] {
  return r.ok ? [] : (r.issues ?? []).map((i) => `${i.code}:${i.location?.attribute}`);
}

describe('Model.validateEntity', () => {
  it('applies defaults on create', () => {
    const r = model.validateEntity(storage(), { mode: 'create' });
    expect(r.ok && r.value.attributes).toEqual({ 'occi.storage.size': 10, 'occi.storage.state': 'offline' });
  });

  it('names the attribute and the rule of every violation', () => {
    const r = model.validateEntity(storage({ 'occi.storage.size': 'big', 'occi.storage.color': 'red' }), { mode: 'create' });
    expect(codes(r)).toEqual(['invalid_attribute:occi.storage.size', 'unknown_attribute:occi.storage.color']);
    expect(r.ok || r.issues[0]!.location?.pointer).toBe('/attributes/occi.storage.size');
    expect(codes(model.validateEntity(storage({}), { mode: 'create' }))).toEqual(['missing_attribute:occi.storage.size']);
  });

  it('keeps immutable attributes to the provider', () => {
    expect(codes(model.validateEntity(storage({ 'occi.storage.size': 1, 'occi.storage.state': 'online' }), { mode: 'create' }))).toEqual(['immutable_attribute:occi.storage.state']);
    expect(model.validateEntity(storage({ 'occi.storage.size': 1, 'occi.storage.state': 'offline' }), { mode: 'create' }).ok).toBe(true);
    expect(model.validateEntity(storage({ 'occi.storage.size': 1, 'occi.storage.state': 'online' }), { mode: 'create', actor: 'provider' }).ok).toBe(true);
  });

  it('carries immutable values on replace and rejects changing them', () => {
    const previous = { ...storage({ 'occi.storage.size': 1, 'occi.storage.state': 'online' }) };
    const r = model.validateEntity(storage({ 'occi.storage.size': 2 }), { mode: 'replace', previous });
    expect(r.ok && r.value.attributes).toEqual({ 'occi.storage.size': 2, 'occi.storage.state': 'online' });
    expect(codes(model.validateEntity(storage({ 'occi.storage.size': 2, 'occi.storage.state': 'offline' }), { mode: 'replace', previous }))).toEqual(['immutable_attribute:occi.storage.state']);
    expect(codes(model.validateEntity({ ...storage(), id: 'other' }, { mode: 'replace', previous }))).toEqual(['immutable_attribute:occi.core.id']);
    expect(codes(model.validateEntity({ ...storage(), kind: KIND.network }, { mode: 'replace', previous }))).toContain('immutable_attribute:kind');
  });

  it('merges a partial update over the previous state and adds mixins', () => {
    const previous: ResourceData = { id: 'c', kind: KIND.compute, mixins: [MIXIN.osTpl], title: 'vm', attributes: { 'occi.compute.cores': 1, 'occi.compute.state': 'active' }, links: [] };
    const patch: ResourceData = { id: 'c', kind: KIND.compute, mixins: [MIXIN.sshKey], attributes: { 'occi.compute.memory': 2, 'occi.credentials.ssh.publickey': 'ssh-ed25519 AAAA' }, links: [] };
    const r = model.validateEntity(patch, { mode: 'update', previous });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.mixins).toEqual([MIXIN.osTpl, MIXIN.sshKey]);
    expect(r.value.title).toBe('vm');
    expect(r.value.attributes).toMatchObject({ 'occi.compute.cores': 1, 'occi.compute.memory': 2, 'occi.compute.state': 'active' });
  });

  it('checks kinds, mixins and applies', () => {
    expect(codes(model.validateEntity({ ...storage(), kind: 'http://x.org/a#b' }, { mode: 'create' }))).toContain('unknown_category:kind');
    expect(codes(model.validateEntity({ ...storage(), kind: KIND.entity }, { mode: 'create' }))).toContain('not_applicable:kind');
    expect(codes(model.validateEntity({ ...storage(), mixins: ['http://x.org/a#b'] }, { mode: 'create' }))).toEqual(['unknown_category:mixins']);
    expect(codes(model.validateEntity({ ...storage(), mixins: [MIXIN.osTpl] }, { mode: 'create' }))).toEqual(['not_applicable:mixins']);
    const link: LinkData = { id: 'l', kind: KIND.compute, mixins: [], attributes: {}, source: { location: '/a' }, target: { location: '/b' } };
    expect(codes(model.validateEntity(link, { mode: 'create' }))).toEqual(['not_applicable:kind']);
  });

  it('validates links, alone and inside a resource', () => {
    const link: LinkData = {
      id: 'l1',
      kind: KIND.storagelink,
      mixins: [],
      attributes: { 'occi.storagelink.deviceid': 'ide:0:1' },
      source: { location: '/compute/1' },
      target: { location: '/storage/1', kind: KIND.storage },
    };
    const r = model.validateEntity(link, { mode: 'create' });
    expect(r.ok && r.value.attributes['occi.storagelink.state']).toBe('inactive');
    expect(codes(model.validateEntity({ ...link, source: { location: '' } }, { mode: 'create' }))).toEqual(['missing_attribute:occi.core.source']);
    const compute: ResourceData = { id: 'c', kind: KIND.compute, mixins: [], attributes: {}, links: [{ ...link, attributes: {} }] };
    const bad = model.validateEntity(compute, { mode: 'create' });
    expect(codes(bad)).toEqual(['missing_attribute:occi.storagelink.deviceid']);
    expect(bad.ok || bad.issues[0]!.location?.pointer).toBe('/links/0/attributes/occi.storagelink.deviceid');
  });

  it('accepts unknown attributes only when asked', () => {
    expect(model.validateEntity(storage({ 'occi.storage.size': 1, 'x.y': 1 }), { mode: 'create', allowUnknownAttributes: true }).ok).toBe(true);
  });
});

describe('Model.validateAction', () => {
  it('checks the action, its parameters and defaults', () => {
    const compute: ResourceData = { id: 'c', kind: KIND.compute, mixins: [], attributes: {}, links: [] };
    const r = model.validateAction({ action: ACTION.compute.stop, attributes: {} }, compute);
    expect(r.ok && r.value.attributes).toEqual({ method: 'graceful' });
    expect(codes(model.validateAction({ action: ACTION.compute.stop, attributes: { method: 'kick' } }, compute))).toEqual(['invalid_attribute:method']);
    expect(codes(model.validateAction({ action: ACTION.compute.stop, attributes: { speed: 1 } }))).toEqual(['unknown_attribute:speed']);
    expect(codes(model.validateAction({ action: ACTION.storage.online, attributes: {} }, compute))).toEqual(['invalid_action:action']);
    expect(codes(model.validateAction({ action: 'http://x.org/a#b', attributes: {} }))).toEqual(['invalid_action:action']);
  });
});

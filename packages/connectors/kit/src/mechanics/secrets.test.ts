import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redact, redactText } from './redact';
import { resolveSecret, Secret } from './secrets';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accords-secret-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveSecret', () => {
  it('reads an environment variable, by string or object reference', async () => {
    const env = { CLOUD_TOKEN: 's3cr3t-value' };
    expect((await resolveSecret('env:CLOUD_TOKEN', { env })).reveal()).toBe('s3cr3t-value');
    expect((await resolveSecret({ env: 'CLOUD_TOKEN' }, { env })).source).toBe('env:CLOUD_TOKEN');
  });

  it('reads a real file and drops the trailing newline', async () => {
    const path = join(dir, 'token');
    await writeFile(path, 'file-secret\n');
    const s = await resolveSecret(`file:${path}`);
    expect(s.reveal()).toBe('file-secret');
    expect(s.source).toBe(`file:${path}`);
  });

  it('names what is missing without ever printing a value', async () => {
    await expect(resolveSecret('env:NOPE_NOT_SET', { env: {} })).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('NOPE_NOT_SET') });
    await expect(resolveSecret(`file:${join(dir, 'absent')}`)).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('ENOENT') });
    const empty = join(dir, 'empty');
    await writeFile(empty, '\n');
    await expect(resolveSecret(`file:${empty}`)).rejects.toMatchObject({ message: expect.stringContaining('empty') });
    const err = await resolveSecret('hunter2:password').catch((e: Error) => e);
    expect(err).toMatchObject({ kind: 'invalid', location: { attribute: 'secretRef' } });
    expect((err as Error).message).not.toContain('hunter2');
    await expect(resolveSecret({ vault: 'x' } as never)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(resolveSecret('vault:kv/cloud')).rejects.toMatchObject({ kind: 'unsupported', location: { attribute: 'secretRef' } });
  });

  it('never shows its value in strings, JSON or the inspector', async () => {
    const s = await resolveSecret('env:T', { env: { T: 'top-secret-42' } });
    const printed = [String(s), `${s}`, JSON.stringify({ s }), inspect(s), inspect({ nested: { s } })].join(' ');
    expect(printed).not.toContain('top-secret-42');
    expect(printed).toContain('[redacted]');
  });
});

describe('redact', () => {
  it('blanks sensitive keys and known values, deeply, without touching the input', () => {
    const secret = new Secret('abc123', 'env:X');
    const input = { url: 'https://api/?token=abc123', headers: { Authorization: 'Bearer abc123', accept: 'json' }, list: ['abc123', 1], password: 'pw', nested: { apiKey: 'k', s: secret } };
    const out = redact(input, { secrets: [secret] });
    expect(out).toEqual({
      url: 'https://api/?token=[redacted]',
      headers: { Authorization: '[redacted]', accept: 'json' },
      list: ['[redacted]', 1],
      password: '[redacted]',
      nested: { apiKey: '[redacted]', s: '[redacted]' },
    });
    expect(input.password).toBe('pw');
  });

  it('turns errors into plain objects and cuts cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redact(a)).toEqual({ name: 'a', self: '[circular]' });
    expect(redact(new Error('login with pw123 failed'), { secrets: ['pw123'] })).toMatchObject({ name: 'Error', message: 'login with [redacted] failed' });
    expect(redactText('x', ['', 'y'])).toBe('x');
  });
});

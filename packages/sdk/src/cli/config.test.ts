import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configPath, resolveConfig } from './config';
import type { CliError } from './exit-codes';

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'accords-config-'));
  const path = join(dir, 'config.yaml');
  writeFileSync(path, text);
  return path;
}
const none = { HOME: '/nonexistent-home' };

describe('resolveConfig', () => {
  it('defaults to the local reference server, a table on a terminal and text elsewhere', () => {
    expect(resolveConfig({ flags: {}, env: none, isTTY: true })).toEqual({ url: 'http://127.0.0.1:8080', output: 'table', rendering: 'application/occi+json' });
    expect(resolveConfig({ flags: {}, env: none, isTTY: false }).output).toBe('text');
  });

  it('takes flags over environment over profile over the file', () => {
    const path = configFile('url: http://file:1\ntoken: file-token\nprofile: staging\nprofiles:\n  staging:\n    url: http://staging:2\n  prod:\n    url: http://prod:3\n    token: prod-token\n');
    expect(resolveConfig({ flags: { config: path }, env: none, isTTY: false })).toMatchObject({ url: 'http://staging:2', token: 'file-token', configFile: path });
    expect(resolveConfig({ flags: { config: path, profile: 'prod' }, env: none, isTTY: false })).toMatchObject({ url: 'http://prod:3', token: 'prod-token' });
    expect(resolveConfig({ flags: { config: path }, env: { ...none, ACCORDS_URL: 'http://env:4', ACCORDS_TOKEN: 'env-token' }, isTTY: false })).toMatchObject({ url: 'http://env:4', token: 'env-token' });
    expect(resolveConfig({ flags: { config: path, url: 'http://flag:5', token: 'flag-token' }, env: { ...none, ACCORDS_URL: 'http://env:4' }, isTTY: false })).toMatchObject({ url: 'http://flag:5', token: 'flag-token' });
  });

  it('finds the file through ACCORDS_CONFIG and XDG_CONFIG_HOME', () => {
    expect(configPath({ flags: {}, env: { ACCORDS_CONFIG: '/x/c.yaml' } })).toEqual({ path: '/x/c.yaml', explicit: true });
    expect(configPath({ flags: {}, env: { XDG_CONFIG_HOME: '/xdg' } })).toEqual({ path: '/xdg/accords/config.yaml', explicit: false });
  });

  it('lets Basic credentials given closer to the command win over a token from the file', () => {
    const path = configFile('token: file-token\n');
    const resolved = resolveConfig({ flags: { config: path, user: 'ana:s3:cret' }, env: none, isTTY: false });
    expect(resolved.basic).toEqual({ username: 'ana', password: 's3:cret' });
    expect(resolved.token).toBeUndefined();
  });

  it('names the file, line and key of a mistake', () => {
    const typo = configFile('url: http://x:1\ntokn: abc\n');
    expect(() => resolveConfig({ flags: { config: typo }, env: none, isTTY: false })).toThrow(`${typo}:2: unknown setting "tokn"`);
    const broken = configFile('url: [http://x\n');
    expect(() => resolveConfig({ flags: { config: broken }, env: none, isTTY: false })).toThrow(new RegExp(`^${broken}:\\d+:\\d+: `));
    expect(() => resolveConfig({ flags: { config: '/nope/config.yaml' }, env: none, isTTY: false })).toThrow('cannot read config file /nope/config.yaml: ENOENT');
  });

  it('rejects bad values with exit code 3', () => {
    const attempt = (flags: object) => {
      try {
        resolveConfig({ flags, env: none, isTTY: false });
      } catch (error) {
        return error as CliError;
      }
      throw new Error('no error');
    };
    expect(attempt({ url: 'localhost:8080' })).toMatchObject({ exitCode: 3, message: 'not a URL: "localhost:8080"' });
    expect(attempt({ user: 'nobody' })).toMatchObject({ exitCode: 3 });
    expect(attempt({ profile: 'ghost' })).toMatchObject({ exitCode: 3, message: expect.stringContaining('no profile "ghost"') });
  });
});

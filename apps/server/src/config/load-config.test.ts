import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({ databaseUrl: 'sqlite:./data/accords.sqlite', port: 8080, host: '127.0.0.1', connectors: 'sim' });
  });
  it('reads every variable', () => {
    const options = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      ACCORDS_DATABASE_URL: 'postgres://h/db',
      ACCORDS_ADMIN_TOKEN: 'a-long-enough-token',
      ACCORDS_CONNECTORS: 'sim,occi',
      ACCORDS_LOG_LEVEL: 'debug',
      ACCORDS_BODY_LIMIT: '2048',
      ACCORDS_PUBLIC_URL: 'https://cloud.example.org/',
    });
    expect(options).toEqual({
      databaseUrl: 'postgres://h/db',
      port: 9000,
      host: '0.0.0.0',
      adminToken: 'a-long-enough-token',
      connectors: 'sim,occi',
      logLevel: 'debug',
      limits: { bodyBytes: 2048 },
      publicUrl: 'https://cloud.example.org',
    });
  });
  it('names the malformed variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(expect.objectContaining({ location: { attribute: 'PORT' } }));
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ ACCORDS_ADMIN_TOKEN: 'short' })).toThrow(/ACCORDS_ADMIN_TOKEN/);
    expect(() => loadConfig({ ACCORDS_LOG_LEVEL: 'loud' })).toThrow(/ACCORDS_LOG_LEVEL/);
    expect(() => loadConfig({ ACCORDS_PUBLIC_URL: 'cloud.example.org' })).toThrow(expect.objectContaining({ location: { attribute: 'ACCORDS_PUBLIC_URL' } }));
    expect(() => loadConfig({ ACCORDS_PUBLIC_URL: 'ftp://cloud.example.org' })).toThrow(/http or https/);
  });
});

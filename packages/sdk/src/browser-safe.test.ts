import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The client (everything but the CLI) must run in a browser: fetch and web APIs only.
const SRC = fileURLToPath(new URL('.', import.meta.url));

/** The code of a file without its comments (TSDoc examples may well mention `process.env`). */
function code(path: string): string {
  return readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'cli' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'cli.ts' ? [path] : [];
  });
}

describe('the SDK core', () => {
  const files = sources(SRC);

  it('is made of the files the index exports from', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.slice(SRC.length)]))('%s uses no Node built-in', (file) => {
    const text = code(join(SRC, file));
    expect(text).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|from ['"](fs|path|os|http|https|net|url|crypto)['"]/);
  });

  it('does not reach the CLI', () => {
    for (const f of files) expect(code(f), f).not.toMatch(/from ['"](\.\/|\.\.\/)+cli['"/]/);
  });
});

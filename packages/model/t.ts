import { readFileSync } from 'node:fs';
import { parseManifest, validate, checkManifest, validateManifest } from './src/index';
const m = parseManifest(readFileSync('../../docs/examples/web-shop.yaml', 'utf8'));
const json = JSON.stringify(m);
const time = (name: string, fn: () => unknown) => { for (let i = 0; i < 2000; i++) fn(); const t = performance.now(); for (let i = 0; i < 20000; i++) fn(); console.log(name, ((performance.now() - t) / 20000 * 1000).toFixed(2), 'us'); };
time('JSON.parse', () => JSON.parse(json));
time('ajv', () => validate('Manifest', m));
time('check', () => checkManifest(m));
time('validateManifest(JSON.parse)', () => validateManifest(JSON.parse(json)));

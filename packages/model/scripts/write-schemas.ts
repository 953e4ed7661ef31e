/**
 * Writes every model JSON Schema to packages/model/schemas/<type>.schema.json.
 * Run with `npm run generate:schemas -w @accords/model`; a test fails when the files are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODEL_TYPE_NAMES, schemaFileName, schemas } from '../src/schema/registry';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) if (file.endsWith('.schema.json')) rmSync(dir + file);
for (const name of MODEL_TYPE_NAMES) writeFileSync(dir + schemaFileName(name), `${JSON.stringify(schemas[name], null, 2)}\n`);
console.log(`wrote ${MODEL_TYPE_NAMES.length} schemas to ${dir}`);

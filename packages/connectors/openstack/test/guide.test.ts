import { readFile } from 'node:fs/promises';
import { parseManifest } from '@accords/model';
import { describe, expect, it } from 'vitest';
import { validateOpenStackConfig } from '../src/index';

// The guide's examples must stay valid: its manifest against the model, its configuration against the connector.
describe('docs/guides/connect-openstack.md', () => {
  it('shows a valid manifest and a valid configuration', async () => {
    const guide = await readFile(new URL('../../../../docs/guides/connect-openstack.md', import.meta.url), 'utf8');
    const yaml = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const json = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(yaml.length).toBeGreaterThan(0);
    for (const doc of yaml) expect(parseManifest(doc, { source: 'connect-openstack.md' }).nodes.length).toBeGreaterThan(0);
    expect(json).toHaveLength(1);
    expect(validateOpenStackConfig(JSON.parse(json[0]!))).toMatchObject({ ok: true });
  });
});

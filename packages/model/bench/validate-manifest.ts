/**
 * `npm run bench -w @accords/model`: one JSON line per case. Manifest validation is on the
 * server's request path, so each case is measured beside its baseline in the same run: the plain
 * parse of the same bytes (JSON.parse, or yaml's parse for YAML).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { demoSignalColumns, demoSignals, parseManifest, validateManifest } from '../src/index';
import type { Manifest } from '../src/index';

const examples = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));

function sample(fn: () => unknown, options: { minIterations: number; minMs: number }): number[] {
  for (let i = 0; i < Math.min(50, options.minIterations); i++) fn(); // warm-up
  const times: number[] = [];
  const started = performance.now();
  while (times.length < options.minIterations || performance.now() - started < options.minMs) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const us = (ms: number) => Math.round(ms * 1000 * 100) / 100;

function report(name: string, extra: Record<string, unknown>, cases: { run: () => unknown; baseline: () => unknown; minIterations?: number }) {
  const options = { minIterations: cases.minIterations ?? 2000, minMs: 400 };
  const base = sample(cases.baseline, options);
  const run = sample(cases.run, options);
  console.log(
    JSON.stringify({
      case: name,
      ...extra,
      iterations: run.length,
      p50_us: us(pct(run, 0.5)),
      p99_us: us(pct(run, 0.99)),
      baseline_p50_us: us(pct(base, 0.5)),
      baseline_p99_us: us(pct(base, 0.99)),
      ratio_p50: Math.round((pct(run, 0.5) / pct(base, 0.5)) * 100) / 100,
    }),
  );
}

function bigManifest(nodes: number): Manifest {
  const m = parseManifest(readFileSync(examples + 'web-shop.yaml', 'utf8'));
  const template = m.nodes[0]!;
  m.nodes = Array.from({ length: nodes }, (_, i) => ({ ...structuredClone(template), name: `web-${i}` }));
  m.relations = m.nodes.slice(1).map((n, i) => ({ from: n.name, to: `web-${i}`, type: 'depends-on' as const }));
  m.groups = [];
  m.terms.guarantees = [];
  return m;
}

for (const file of ['web-shop', 'hpc-batch', 'ha-three-region', 'confidential-analytics']) {
  const yaml = readFileSync(`${examples}${file}.yaml`, 'utf8');
  const json = JSON.stringify(parseManifest(yaml));
  report(`validate-json:${file}`, { bytes: json.length, baseline: 'JSON.parse' }, {
    run: () => validateManifest(JSON.parse(json)),
    baseline: () => JSON.parse(json),
  });
  report(`parse-yaml:${file}`, { bytes: yaml.length, baseline: 'yaml.parse' }, {
    run: () => parseManifest(yaml),
    baseline: () => parseYaml(yaml),
    minIterations: 300,
  });
}

const big = JSON.stringify(bigManifest(1000));
report('validate-json:1000-nodes', { bytes: big.length, baseline: 'JSON.parse' }, {
  run: () => validateManifest(JSON.parse(big)),
  baseline: () => JSON.parse(big),
  minIterations: 50,
});

const year = { from: '2026-01-01T00:00:00Z', hours: 8760 };
report('demo-signals:year', { series: demoSignals({ ...year, hours: 1 }).length, hours: 8760, baseline: 'demoSignalColumns' }, {
  run: () => demoSignals(year),
  baseline: () => demoSignalColumns(year),
  minIterations: 5,
});

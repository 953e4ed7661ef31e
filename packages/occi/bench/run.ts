/**
 * `npm run bench -w @accords/occi`: one JSON line per case, each with its baseline measured in
 * the same run (median of repeated runs after a warm-up).
 */
import { parse, render } from '../src/index';
import { makeCollection } from './gen';

interface Pair {
  ms: number;
  baselineMs: number;
  ratio: number;
}

/**
 * Runs baseline and subject alternately, so that both see the same machine load, and returns
 * the median time of each and the median of the per-round ratios.
 */
function pair(baseline: () => unknown, subject: () => unknown, runs: number): Pair {
  for (let i = 0; i < Math.max(5, runs / 4); i++) {
    baseline();
    subject();
  }
  const b: number[] = [];
  const s: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = process.hrtime.bigint();
    baseline();
    const tb = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    subject();
    const ts = Number(process.hrtime.bigint() - t) / 1e6;
    b.push(tb);
    s.push(ts);
    r.push(ts / tb);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { ms: med(s), baselineMs: med(b), ratio: med(r) };
}

function report(name: string, args: Pair & { bytes: number; baseline: string; target?: number }): void {
  const line: Record<string, unknown> = { case: name, bytes: args.bytes, medianMs: round(args.ms), baseline: args.baseline, baselineMs: round(args.baselineMs), ratio: round(args.ratio) };
  if (args.target !== undefined) {
    line.target = args.target;
    line.withinTarget = args.ratio <= args.target;
  }
  console.log(JSON.stringify(line));
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const runs = Number(process.env.BENCH_RUNS ?? 40);
const collection = makeCollection(1024 * 1024);
const body = render('collection', 'application/occi+json', collection).body;
const bytes = Buffer.byteLength(body);
const plain = JSON.parse(body) as unknown;
const message = { headers: {}, body };

const parseJson = () => JSON.parse(body);
const stringify = () => JSON.stringify(plain);
report('occi+json parse collection (fast validator)', { bytes, baseline: 'JSON.parse', target: 2, ...pair(parseJson, () => parse('collection', 'application/occi+json', message), runs) });
report('occi+json parse collection (ajv schema)', { bytes, baseline: 'JSON.parse', ...pair(parseJson, () => parse('collection', 'application/occi+json', message, { jsonValidation: 'schema' }), runs) });
report('occi+json render collection', { bytes, baseline: 'JSON.stringify', target: 1.5, ...pair(stringify, () => render('collection', 'application/occi+json', collection), runs) });

const texts = collection.resources.map((r) => render('resource', 'text/plain', r).body);
const textBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const fewer = Math.max(5, Math.round(runs / 3));
report('text/plain parse of the same resources', { bytes: textBytes, baseline: 'JSON.parse of the occi+json collection', ...pair(parseJson, () => texts.forEach((t) => parse('resource', 'text/plain', { headers: {}, body: t })), fewer) });
report('text/plain render of the same resources', { bytes: textBytes, baseline: 'JSON.stringify of the occi+json collection', ...pair(stringify, () => collection.resources.forEach((r) => render('resource', 'text/plain', r)), fewer) });

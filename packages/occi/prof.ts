import { render, parse } from './src/index';
import { makeCollection } from './bench/gen';
const c = makeCollection(1024 * 1024);
const body = render('collection', 'application/occi+json', c).body;
const time = (name: string, fn: () => unknown) => { for (let i = 0; i < 20; i++) fn(); const ts: number[] = []; for (let i = 0; i < 60; i++) { const t = performance.now(); fn(); ts.push(performance.now() - t); } ts.sort((a,b)=>a-b); console.log(name, ts[30]!.toFixed(3)); };
for (let k = 0; k < 3; k++) {
time('JSON.parse', () => JSON.parse(body));
time('parse fast', () => parse('collection', 'application/occi+json', { headers: {}, body }));
}

import { demoSignals } from './src/catalogue/demo-signals';
for (let i = 0; i < 4; i++) {
let t = performance.now();
const s = demoSignals({ from: '2026-01-01T00:00:00Z', hours: 8760 });
console.log('signals ms', performance.now() - t, s.length);
}
let t = performance.now();
demoSignals({ from: '2026-01-01T00:00:00Z', hours: 8760, kinds: ['carbon-intensity'] });
console.log('one kind', performance.now() - t);

/** Standalone entry of the broker bench: `node --import tsx --conditions=@accords/source bench/broker-submit.ts`. */
import { brokerCases } from './broker-cases';

brokerCases().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });

import type { Command } from 'commander';
import type { Jurisdiction } from '@accords/model';
import type { Fetched } from '../../entities';
import { commandContext, type CliEnvironment } from '../context';
import { examples, positiveInteger, usageError } from '../help';
import { offerRow, type OfferRow } from '../offer-row';
import { offerContext } from '../offer-context';

/**
 * Registers `offers`: compare offers by price and carbon for a shape and jurisdictions.
 * @param program - the root command
 * @param env - how the CLI runs
 */
export function registerOffersCommand(program: Command, env: CliEnvironment): void {
  program
    .command('offers')
    .description('compare the offers of every loaded provider by price and carbon, for a shape and jurisdictions')
    .option('--vcpu <n>', 'at least this many vCPUs')
    .option('--memory <GiB>', 'at least this much memory, in GiB')
    .option('--gpus <n>', 'at least this many GPUs')
    .option('-j, --jurisdiction <codes>', 'only regions in these countries or groups, comma-separated (EU,CH)')
    .option('--region <id>', 'only this region')
    .option('--sort <key>', 'price, carbon, or balanced (price and carbon ranks together)', 'balanced')
    .option('-n, --limit <n>', 'show the best n', '20')
    .addHelpText('after', examples(['accords offers --vcpu 4 --memory 16 -j EU', 'accords offers --vcpu 2 --memory 4 -j DE,FR --sort carbon -n 5', 'accords offers --gpus 1 -o json']))
    .action(async (_opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ vcpu?: string; memory?: string; gpus?: string; jurisdiction?: string; region?: string; sort: string; limit: string }>();
      if (!['price', 'carbon', 'balanced'].includes(flags.sort)) throw usageError(`--sort must be price, carbon or balanced, not "${flags.sort}"`);
      const minimum = {
        vcpu: flags.vcpu === undefined ? 0 : Number(flags.vcpu),
        memory: flags.memory === undefined ? 0 : Number(flags.memory),
        gpus: flags.gpus === undefined ? 0 : Number(flags.gpus),
      };
      for (const [name, value] of Object.entries(minimum)) if (Number.isNaN(value) || value < 0) throw usageError(`--${name} must be a non-negative number`);
      const { expandJurisdictions } = await import('@accords/model');
      const countries = flags.jurisdiction ? expandJurisdictions(flags.jurisdiction.split(',').map((j) => j.trim().toUpperCase()) as Jurisdiction[]) : undefined;
      const filter = flags.region ? { attributes: { 'accords.offer.regionId': flags.region } } : undefined;
      const offers: Fetched[] = [];
      for await (const o of ctx.client.broker.offers({ filter, signal: ctx.signal })) offers.push(o);
      const context = await offerContext(ctx.client, ctx.signal);
      const rows = offers
        .map((o) => offerRow(o, context))
        .filter((r) => r.vcpu >= minimum.vcpu && r.memoryGiB >= minimum.memory && r.gpus >= minimum.gpus)
        .filter((r) => !countries || (r.country !== undefined && countries.has(r.country)));
      const carbonKnown = rows.some((r) => r.carbonGPerHour !== undefined);
      if (!carbonKnown && rows.length > 0) ctx.out.note('the server publishes no carbon figures for these offers (no region and signal kinds): ranked by price');
      const ranked = rank(rows, carbonKnown ? (flags.sort as 'price' | 'carbon' | 'balanced') : 'price').slice(0, positiveInteger('--limit', flags.limit));
      ctx.out.list(
        ranked,
        [
          { header: 'OFFER', value: (r) => r.id },
          { header: 'PROVIDER', value: (r) => r.provider },
          { header: 'REGION', value: (r) => r.region },
          { header: 'COUNTRY', value: (r) => r.country },
          { header: 'TYPE', value: (r) => r.instanceType },
          { header: 'VCPU', value: (r) => r.vcpu, numeric: true },
          { header: 'GIB', value: (r) => r.memoryGiB, numeric: true },
          { header: 'GPU', value: (r) => r.gpus || '', numeric: true },
          { header: 'PRICE/H', value: (r) => (r.pricePerHour === undefined ? '' : `${r.pricePerHour.toFixed(4)} ${r.currency ?? ''}`.trim()), numeric: true },
          { header: 'gCO2e/H', value: (r) => (r.carbonGPerHour === undefined ? '' : r.carbonGPerHour.toFixed(1)), numeric: true },
          { header: 'MARKET', value: (r) => r.market },
        ],
        ranked.map((r) => ({ ...r, entity: undefined, location: r.location })),
      );
      if (ranked.length === 0 && offers.length > 0) ctx.out.note(`${offers.length} offer(s), none with that shape and jurisdiction`);
      if (countries && context.regions.size === 0) ctx.out.note('the server publishes no region facts (no region kind or region mixins): no offer can be matched to a jurisdiction');
    });
}

/**
 * Orders offers by price, by carbon, or by the sum of both ranks (ties by price).
 * @param rows - the offers
 * @param by - the ordering
 * @returns a new, ordered array
 */
export function rank(rows: readonly OfferRow[], by: 'price' | 'carbon' | 'balanced'): OfferRow[] {
  const price = (r: OfferRow): number => r.pricePerHour ?? Number.POSITIVE_INFINITY;
  const carbon = (r: OfferRow): number => r.carbonGPerHour ?? Number.POSITIVE_INFINITY;
  if (by === 'price') return [...rows].sort((a, b) => price(a) - price(b) || carbon(a) - carbon(b));
  if (by === 'carbon') return [...rows].sort((a, b) => carbon(a) - carbon(b) || price(a) - price(b));
  const order = (key: (r: OfferRow) => number): Map<OfferRow, number> => new Map([...rows].sort((a, b) => key(a) - key(b)).map((r, i) => [r, i]));
  const byPrice = order(price);
  const byCarbon = order(carbon);
  return [...rows].sort((a, b) => byPrice.get(a)! + byCarbon.get(a)! - (byPrice.get(b)! + byCarbon.get(b)!) || price(a) - price(b));
}

import type { Command } from 'commander';
import type { AnyEntityData } from '@accords/occi';
import { idOf } from '../../discovery';
import type { Fetched } from '../../entities';
import { commandContext, type CliEnvironment } from '../context';
import { collectOption, examples, positiveInteger, usageError } from '../help';

/**
 * Registers `model`, `list` and `describe`.
 * @param program - the root command
 * @param env - how the CLI runs
 */
export function registerReadCommands(program: Command, env: CliEnvironment): void {
  program
    .command('model')
    .description("show the server's kinds, mixins and actions (its query interface)")
    .option('--kinds', 'only kinds')
    .option('--mixins', 'only mixins (templates included)')
    .option('--actions', 'only actions')
    .argument('[search]', 'only categories whose term or scheme contains this text')
    .addHelpText('after', examples(['accords model', 'accords model --mixins tpl', 'accords model --output json | jq ".kinds[].term"']))
    .action(async (search: string | undefined, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const model = await ctx.client.model({ signal: ctx.signal });
      const flags = command.opts<{ kinds?: boolean; mixins?: boolean; actions?: boolean }>();
      const all = !flags.kinds && !flags.mixins && !flags.actions;
      const match = (c: { scheme: string; term: string }): boolean => !search || idOf(c).includes(search);
      const { kinds, mixins, actions } = model.categories;
      const rows = [
        ...(all || flags.kinds ? kinds.filter(match).map((c) => ({ class: 'kind', c, location: c.location, related: c.parent })) : []),
        ...(all || flags.mixins ? mixins.filter(match).map((c) => ({ class: 'mixin', c, location: c.location, related: c.depends?.join(' ') })) : []),
        ...(all || flags.actions ? actions.filter(match).map((c) => ({ class: 'action', c, location: undefined, related: undefined })) : []),
      ];
      const json = { kinds: kinds.filter((c) => (all || flags.kinds) && match(c)), mixins: mixins.filter((c) => (all || flags.mixins) && match(c)), actions: actions.filter((c) => (all || flags.actions) && match(c)) };
      ctx.out.list(
        rows,
        [
          { header: 'CLASS', value: (r) => r.class },
          { header: 'TERM', value: (r) => r.c.term },
          { header: 'SCHEME', value: (r) => r.c.scheme },
          { header: 'LOCATION', value: (r) => r.location },
          { header: 'TITLE', value: (r) => r.c.title },
        ],
        json,
      );
    });

  program
    .command('list')
    .alias('ls')
    .description('list the entities of a kind or mixin (or at a collection location)')
    .argument('<collection>', 'kind or mixin term (compute), scheme#term, or a location (/compute/)')
    .option('-f, --filter <name=value>', 'only entities with this attribute value (repeatable)', collectOption, [])
    .option('-c, --category <category>', 'only members of this kind or mixin')
    .option('-n, --limit <n>', 'stop after n entities')
    .option('--page-size <n>', 'entities per request (OCCI page size; default 100, less when the server caps it)')
    .option('-q, --quiet', 'print only the locations')
    .addHelpText('after', examples(['accords list compute', 'accords list compute -f occi.compute.state=active -n 10', 'accords list debian   # members of a mixin', 'accords list compute -q | xargs -n1 accords delete']))
    .action(async (collection: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ filter: string[]; category?: string; limit?: string; pageSize?: string; quiet?: boolean }>();
      const limit = flags.limit === undefined ? Number.POSITIVE_INFINITY : positiveInteger('--limit', flags.limit);
      const attributes = Object.fromEntries(flags.filter.map((f) => splitFilter(f)));
      const options = { filter: { category: flags.category, attributes }, pageSize: flags.pageSize === undefined ? undefined : positiveInteger('--page-size', flags.pageSize), signal: ctx.signal };
      if (flags.quiet) {
        const locations: string[] = [];
        for await (const l of ctx.client.entities.locations(collection, options)) if (locations.push(l) >= limit) break;
        return ctx.out.list(locations, [{ header: 'LOCATION', value: (l) => l }]);
      }
      const model = await ctx.client.model({ signal: ctx.signal });
      const rows: Fetched[] = [];
      for await (const e of ctx.client.entities.list(collection, options)) if (rows.push(e) >= limit) break;
      const term = (id: string): string => model.categories.kinds.find((k) => idOf(k) === id)?.term ?? model.categories.mixins.find((m) => idOf(m) === id)?.term ?? id;
      ctx.out.list(rows, [
        { header: 'LOCATION', value: (e) => e.location },
        { header: 'KIND', value: (e) => term(e.kind) },
        { header: 'TITLE', value: (e) => e.title },
        { header: 'STATE', value: (e) => stateOf(e) },
        { header: 'MIXINS', value: (e) => e.mixins.map(term).join(',') },
      ]);
    });

  program
    .command('describe')
    .alias('get')
    .description('show one entity: kind, mixins, attributes, links and the actions it allows now')
    .argument('<location>', 'the entity location, e.g. /compute/7f3c…')
    .addHelpText('after', examples(['accords describe /compute/5d1e4a54-…', 'accords describe /compute/5d1e4a54-… -o json | jq .attributes']))
    .action(async (location: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const entity = await ctx.client.entities.get(location, { signal: ctx.signal });
      const pairs: [string, unknown][] = [
        ['location', entity.location],
        ['kind', entity.kind],
        ['id', entity.id],
      ];
      if (entity.title) pairs.push(['title', entity.title]);
      if ('summary' in entity && entity.summary) pairs.push(['summary', entity.summary]);
      if (entity.etag) pairs.push(['etag', entity.etag]);
      for (const m of entity.mixins) pairs.push(['mixin', m]);
      if ('source' in entity) pairs.push(['source', entity.source.location], ['target', entity.target.location]);
      for (const [name, value] of Object.entries(entity.attributes).sort(([a], [b]) => a.localeCompare(b))) pairs.push([name, value]);
      if ('links' in entity) for (const l of entity.links) pairs.push(['link', `${l.target.location} (${l.kind}${l.location ? ` at ${l.location}` : ''})`]);
      for (const a of entity.actions ?? []) pairs.push(['action', a]);
      ctx.out.record(pairs, entity);
    });
}

/**
 * The state attribute of an entity, whatever its kind (`occi.compute.state`, `occi.agreement.state`…).
 * @param entity - an entity
 * @returns the state, or undefined
 */
export function stateOf(entity: AnyEntityData): string | undefined {
  const key = Object.keys(entity.attributes).find((k) => /^occi\.[a-z_]+\.state$/.test(k) || /^accords\.[a-z_]+\.state$/.test(k));
  const value = key ? entity.attributes[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function splitFilter(filter: string): [string, string] {
  const eq = filter.indexOf('=');
  if (eq < 1) throw usageError(`--filter "${filter}" must be name=value`);
  return [filter.slice(0, eq), filter.slice(eq + 1)];
}

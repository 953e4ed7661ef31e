import type { Command } from 'commander';
import type { Attributes } from '@accords/occi';
import { idOf } from '../../discovery';
import type { LinkInput } from '../../entities';
import { applicableSpecs, parseAttributeAssignments } from '../attributes';
import { commandContext, type CliEnvironment, type CommandContext } from '../context';
import { collectOption, examples, usageError, withArgs } from '../help';

/**
 * Registers `create`, `update`, `delete`, `trigger` and `link`.
 * @param program - the root command
 * @param env - how the CLI runs
 */
export function registerWriteCommands(program: Command, env: CliEnvironment): void {
  program
    .command('create')
    .description('create a resource of a kind, with attributes, mixins, templates and links')
    .argument('<kind>', 'kind term (compute) or scheme#term')
    .option('-a, --attribute <name=value>', 'an attribute (repeatable); name:=<json> for JSON values', collectOption, [])
    .option('-m, --mixin <mixin>', 'a mixin to apply (repeatable)', collectOption, [])
    .option('-t, --template <template>', 'an OS or resource template (a mixin; repeatable)', collectOption, [])
    .option('-l, --link <target[,kind=k][,name=value…]>', 'a link to create with it (repeatable)', collectOption, [])
    .option('--title <title>', 'occi.core.title')
    .option('--summary <summary>', 'occi.core.summary')
    .option('--id <id>', 'create at this id (PUT) instead of letting the server choose')
    .addHelpText(
      'after',
      examples([
        'accords create compute -a occi.compute.cores=2 -a occi.compute.memory=4 -t debian_12 -t small --title web-1',
        'accords create compute -t ubuntu_24_04 --link /network/7c1…,kind=networkinterface',
        'accords create storage -a occi.storage.size=20 -o json',
      ]),
    )
    .action(async (kind: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ attribute: string[]; mixin: string[]; template: string[]; link: string[]; title?: string; summary?: string; id?: string }>();
      const mixins = [...flags.mixin, ...flags.template];
      const attributes = await typedAttributes(ctx, { kind, mixins, assignments: flags.attribute });
      const links = flags.link.map(parseLinkFlag);
      const created = await ctx.client.entities.create(
        { kind, mixins, attributes, links, title: flags.title, summary: flags.summary, id: flags.id },
        { signal: ctx.signal },
      );
      ctx.out.result(created, created.location ?? '');
    });

  program
    .command('update')
    .description('change some attributes or add mixins (partial update); --replace for a full replace')
    .argument('<location>', 'the entity location')
    .option('-a, --attribute <name=value>', 'an attribute to set (repeatable)', collectOption, [])
    .option('-m, --mixin <mixin>', 'a mixin to add (repeatable)', collectOption, [])
    .option('--title <title>', 'occi.core.title')
    .option('--if-match <etag>', 'only if the entity still has this ETag (412 otherwise)')
    .option('--replace', 'replace the whole entity (PUT) guarded by its current ETag, keeping what is not given')
    .addHelpText('after', examples(['accords update /compute/5d1e… -a occi.compute.memory=8', 'accords update /compute/5d1e… --replace -a occi.compute.hostname=web-2', 'accords update /compute/5d1e… -m ssd --if-match \'"v3"\'']))
    .action(async (location: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ attribute: string[]; mixin: string[]; title?: string; ifMatch?: string; replace?: boolean }>();
      if (flags.attribute.length === 0 && flags.mixin.length === 0 && flags.title === undefined) throw usageError('nothing to change: give -a, -m or --title');
      const current = await ctx.client.entities.get(location, { signal: ctx.signal });
      const attributes = await typedAttributes(ctx, { kind: current.kind, mixins: [...current.mixins, ...flags.mixin], assignments: flags.attribute });
      let updated;
      if (flags.replace) {
        const model = await ctx.client.model({ signal: ctx.signal });
        const mixins = [...new Set([...current.mixins, ...flags.mixin.map((m) => idOf(model.mixin(m)))])];
        const next = { ...current, mixins, attributes: { ...current.attributes, ...attributes }, ...(flags.title !== undefined ? { title: flags.title } : {}) };
        updated = await ctx.client.entities.replace(location, next, { ifMatch: flags.ifMatch ?? current.etag, signal: ctx.signal });
      } else {
        updated = await ctx.client.entities.update(location, { attributes, mixins: flags.mixin, title: flags.title }, { ifMatch: flags.ifMatch, signal: ctx.signal });
      }
      ctx.out.result(updated, updated.location ?? location);
    });

  program
    .command('delete')
    .alias('rm')
    .description('delete entities (and their links)')
    .argument('[locations...]', 'entity locations')
    .option('--all <kind>', "delete every entity of a kind that you own")
    .option('--if-match <etag>', 'only if the entity still has this ETag')
    .addHelpText('after', examples(['accords delete /compute/5d1e…', 'accords delete --all compute', 'accords list compute -q | xargs accords delete']))
    .action(async (locations: string[], _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ all?: string; ifMatch?: string }>();
      if (!flags.all && locations.length === 0) throw usageError('give entity locations, or --all <kind>');
      if (flags.all) await ctx.client.entities.deleteAll(flags.all, { signal: ctx.signal });
      for (const location of locations) await ctx.client.entities.delete(location, { ifMatch: flags.ifMatch, signal: ctx.signal });
      const deleted = flags.all ? [`all ${flags.all}`, ...locations] : locations;
      ctx.out.result({ deleted }, deleted.map((d) => `deleted ${d}`).join('\n'));
    });

  program
    .command('trigger')
    .alias('action')
    .description('run an action on an entity, or on every entity of a kind')
    .argument('<target>', 'entity location, or a kind term/collection for all of them')
    .argument('<action>', 'action term (start) or scheme#term')
    .option('-a, --attribute <name=value>', 'an action parameter (repeatable)', collectOption, [])
    .addHelpText('after', examples(['accords trigger /compute/5d1e… start', 'accords trigger /compute/5d1e… stop -a method=graceful', 'accords trigger compute stop   # every compute you own']))
    .action(
      withArgs<[string, string]>(async ([target, action], command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ attribute: string[] }>();
      const model = await ctx.client.model({ signal: ctx.signal });
      const onEntity = model.kindAt(target);
      const kind = onEntity ? idOf(onEntity) : idOf(model.kind(target.replace(/^\/|\/$/g, '')));
      const resolved = model.action(action, kind);
      const attributes = parseAttributeAssignments(flags.attribute, model.typed ? resolved.attributes ?? {} : {});
      if (onEntity) await ctx.client.entities.trigger(target, idOf(resolved), { attributes, signal: ctx.signal });
      else await ctx.client.entities.triggerAll(kind, idOf(resolved), { attributes, signal: ctx.signal });
      ctx.out.result({ target, action: idOf(resolved) }, `${resolved.term} ${target}`);
      }),
    );

  program
    .command('link')
    .description('link two resources (a stand-alone link)')
    .argument('<source>', 'source resource location')
    .argument('<target>', 'target resource location')
    .option('-k, --kind <kind>', 'link kind (networkinterface, storagelink…)', 'link')
    .option('-a, --attribute <name=value>', 'a link attribute (repeatable)', collectOption, [])
    .option('-m, --mixin <mixin>', 'a mixin for the link (repeatable)', collectOption, [])
    .addHelpText('after', examples(['accords link /compute/5d1e… /network/7c1… -k networkinterface', 'accords link /compute/5d1e… /storage/91a… -k storagelink']))
    .action(
      withArgs<[string, string]>(async ([source, target], command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ kind: string; attribute: string[]; mixin: string[] }>();
      const attributes = await typedAttributes(ctx, { kind: flags.kind, mixins: flags.mixin, assignments: flags.attribute });
      const link = await ctx.client.entities.link({ source, target, kind: flags.kind, mixins: flags.mixin, attributes }, { signal: ctx.signal });
      ctx.out.result(link, link.location ?? '');
      }),
    );
}

async function typedAttributes(ctx: CommandContext, input: { kind: string; mixins: readonly string[]; assignments: readonly string[] }): Promise<Attributes> {
  if (input.assignments.length === 0) return {};
  const model = await ctx.client.model({ signal: ctx.signal });
  const kind = model.kind(input.kind);
  const kinds = model.lineage(idOf(kind)).map((id) => model.kind(id));
  const mixins = input.mixins.map((m) => model.mixin(m));
  // Text discovery declares every attribute a string: guess from the values instead.
  return parseAttributeAssignments(input.assignments, model.typed ? applicableSpecs(kinds, mixins) : {});
}

/**
 * Reads `--link target[,kind=k][,name=value…]`.
 * @param flag - the flag's value
 * @returns the link to create
 */
export function parseLinkFlag(flag: string): LinkInput {
  const [target = '', ...rest] = flag.split(',');
  if (!target) throw usageError(`--link "${flag}" needs a target location`);
  const link: LinkInput = { target };
  const assignments: string[] = [];
  for (const part of rest) {
    if (part.startsWith('kind=')) link.kind = part.slice(5);
    else assignments.push(part);
  }
  if (assignments.length) link.attributes = parseAttributeAssignments(assignments);
  return link;
}

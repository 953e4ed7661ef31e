import type { Command } from 'commander';
import { idOf } from '../../discovery';
import { commandContext, type CliEnvironment } from '../context';
import { collectOption, examples, usageError, withArgs } from '../help';

/**
 * Registers `mixin create|delete|associate|dissociate|members`.
 * @param program - the root command
 * @param env - how the CLI runs
 */
export function registerMixinCommands(program: Command, env: CliEnvironment): void {
  const mixin = program
    .command('mixin')
    .description('user-defined mixins (tags and templates) and mixin membership')
    .addHelpText('after', examples(['accords mixin create https://example.org/tags#prod --title Production', 'accords mixin associate prod /compute/5d1e… /compute/8a2f…', 'accords mixin members prod', 'accords mixin delete prod']));

  mixin
    .command('create')
    .description('define a mixin through the query interface')
    .argument('<id>', 'scheme#term, e.g. https://example.org/tags#prod')
    .option('--title <title>', 'human title')
    .option('--location <path>', 'where its members are listed (default /<term>/)')
    .option('--depends <mixin>', 'a mixin it depends on, e.g. os_tpl for a template (repeatable)', collectOption, [])
    .option('--applies <kind>', 'a kind it applies to (repeatable)', collectOption, [])
    .addHelpText('after', examples(['accords mixin create https://example.org/tags#prod', 'accords mixin create https://example.org/tpl#ubuntu24 --depends os_tpl --applies compute --title "Ubuntu 24.04"']))
    .action(async (id: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ title?: string; location?: string; depends: string[]; applies: string[] }>();
      const hash = id.lastIndexOf('#');
      if (hash < 1 || hash === id.length - 1) throw usageError(`"${id}" must be scheme#term, e.g. https://example.org/tags#prod`);
      const created = await ctx.client.mixins.create(
        { scheme: id.slice(0, hash + 1), term: id.slice(hash + 1), title: flags.title, location: flags.location, depends: flags.depends, applies: flags.applies },
        { signal: ctx.signal },
      );
      ctx.out.result(created, `${idOf(created)} at ${created.location ?? '?'}`);
    });

  mixin
    .command('delete')
    .description('delete a user-defined mixin (its associations go with it)')
    .argument('<mixin>', 'term or scheme#term')
    .action(async (ref: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      await ctx.client.mixins.delete(ref, { signal: ctx.signal });
      ctx.out.result({ deleted: ref }, `deleted mixin ${ref}`);
    });

  const membership = (name: 'associate' | 'dissociate', description: string): void => {
    mixin
      .command(name)
      .description(description)
      .argument('<mixin>', 'term or scheme#term')
      .argument('<locations...>', 'entity locations')
      .action(
        withArgs<[string, string[]]>(async ([ref, locations], command) => {
        const ctx = commandContext(command, env);
        if (name === 'associate') await ctx.client.mixins.associate(ref, locations, { signal: ctx.signal });
        else await ctx.client.mixins.dissociate(ref, locations, { signal: ctx.signal });
        ctx.out.result({ mixin: ref, [name === 'associate' ? 'associated' : 'dissociated']: locations }, locations.map((l) => `${name}d ${l}`).join('\n'));
        }),
      );
  };
  membership('associate', 'apply a mixin to entities');
  membership('dissociate', 'remove a mixin from entities');

  mixin
    .command('members')
    .description("list a mixin's members")
    .argument('<mixin>', 'term or scheme#term')
    .action(async (ref: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const locations: string[] = [];
      for await (const l of ctx.client.entities.locations(ref, { signal: ctx.signal })) locations.push(l);
      ctx.out.list(locations, [{ header: 'LOCATION', value: (l) => l }]);
    });
}

import type { Command } from 'commander';
import type { PlacementPlan } from '@accords/model';
import type { AgreementView } from '../../broker';
import { sleep } from '../../transport/retry';
import { commandContext, type CliEnvironment, type CommandContext } from '../context';
import { DeployTracker } from '../deploy-tracker';
import { CliError, ExitCode } from '../exit-codes';
import { collectOption, examples, positiveInteger, usageError } from '../help';
import { readManifestFile } from '../manifest-file';
import { printPlan } from '../plan-view';
import { createPrinter } from '../output';
import { createProgressView } from '../progress-view';
import { registerOffersCommand } from './offers';
import { describeLine, invoiceView, type InvoiceView } from '../invoice-view';

/**
 * Registers `plan`, `deploy`, `status`, `offers` and `invoice`.
 * @param program - the root command
 * @param env - how the CLI runs
 */
export function registerBrokerCommands(program: Command, env: CliEnvironment): void {
  program
    .command('plan')
    .description('validate a manifest and show where the broker would place each node (dry run: nothing is created)')
    .argument('<manifest>', 'manifest file (.yaml, .yml or .json)')
    .addHelpText('after', examples(['accords plan docs/examples/web-shop.yaml', 'accords plan web-shop.yaml -o json | jq .plan.pricePerHour']))
    .action(async (file: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const local = await readManifestFile(file);
      const plan = await ctx.client.broker.dryRun(local.text, { signal: ctx.signal });
      printPlan(ctx.out, plan);
      if (plan.unplaced.length > 0) throw unplaced(plan);
    });

  program
    .command('deploy')
    .description('validate a manifest, show the plan, accept it, and follow every node until it runs')
    .argument('<manifest>', 'manifest file (.yaml, .yml or .json)')
    .option('-y, --yes', 'accept the plan without asking')
    .option('--no-wait', 'return once the plan is accepted, without following the progress')
    .option('--wait-timeout <seconds>', 'give up following the progress after this long', '1800')
    .addHelpText('after', examples(['accords deploy docs/examples/web-shop.yaml', 'accords deploy web-shop.yaml --yes -o json', 'accords deploy web-shop.yaml --yes --no-wait']))
    .action(async (file: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ yes?: boolean; wait: boolean; waitTimeout: string }>();
      const local = await readManifestFile(file);
      if (!flags.yes && !ctx.io.confirm) {
        throw usageError('not on a terminal, so nobody can confirm the plan: add --yes to accept it, or run `accords plan` to only look');
      }
      const submission = await ctx.client.broker.submit(local.text, { signal: ctx.signal });
      if (!submission.agreement) throw new CliError(`the server did not say which agreement ${submission.manifest} got`, { exitCode: ExitCode.server });
      const view = await waitForPlan(ctx, submission.agreement);
      const plan = view.plan!;
      const result: Record<string, unknown> = { manifest: submission.manifest, agreement: submission.agreement, plan };
      if (ctx.out.mode !== 'json') {
        // The plan is for the person deciding; standard output keeps only the result.
        ctx.out.note(`manifest ${submission.manifest}, agreement ${submission.agreement}`);
        printPlan(createPrinter({ mode: ctx.out.mode, io: { ...ctx.io, stdout: ctx.io.stderr }, color: ctx.color }), plan);
      }
      if (plan.unplaced.length > 0) {
        await ctx.client.broker.reject(submission.agreement, { signal: ctx.signal });
        throw unplaced(plan);
      }
      if (!flags.yes && !(await ctx.io.confirm!(`Accept this plan at ${plan.pricePerHour.toFixed(4)} ${plan.currency} per hour?`))) {
        await ctx.client.broker.reject(submission.agreement, { signal: ctx.signal });
        throw new CliError(`plan declined; agreement ${submission.agreement} rejected`, { exitCode: ExitCode.cancelled });
      }
      await ctx.client.broker.accept(submission.agreement, { signal: ctx.signal });
      if (!flags.wait) {
        ctx.out.result({ ...result, state: 'accepted' }, submission.agreement);
        return;
      }
      const instances = new Map<string, number>();
      for (const d of plan.decisions) instances.set(d.node, (instances.get(d.node) ?? 0) + 1);
      const nodes = [...instances].map(([node, count]) => ({ node, instances: count }));
      const outcome = await follow(ctx, { agreement: submission.agreement, nodes, timeoutSeconds: positiveInteger('--wait-timeout', flags.waitTimeout) });
      ctx.out.result({ ...result, state: 'running', nodes: outcome }, `${submission.agreement} running`);
    });

  program
    .command('status')
    .description('show an agreement (or a manifest\'s agreement): state, plan, price and carbon')
    .argument('<location>', '/agreement/<id> or /manifest/<id>')
    .addHelpText('after', examples(['accords status /agreement/0c3…', 'accords status /manifest/91e… -o json']))
    .action(async (location: string, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      let agreement = location;
      if (/\/manifest\//.test(location)) {
        const manifest = await ctx.client.entities.get(location, { signal: ctx.signal });
        const linked = manifest.attributes['accords.manifest.agreement'];
        if (typeof linked !== 'string') throw new CliError(`${location} has no agreement`, { exitCode: ExitCode.notFound });
        agreement = linked;
      }
      const view = await ctx.client.broker.agreement(agreement, { signal: ctx.signal });
      if (ctx.out.mode === 'json') return ctx.out.result({ location: agreement, state: view.state, plan: view.plan, attributes: view.entity.attributes }, '');
      const pairs: [string, unknown][] = [
        ['agreement', agreement],
        ['state', view.state],
      ];
      for (const [name, value] of Object.entries(view.entity.attributes)) if (name !== 'accords.agreement.plan' && name !== 'occi.agreement.state') pairs.push([name, value]);
      if (view.plan) {
        pairs.push(['price per hour', `${view.plan.pricePerHour.toFixed(4)} ${view.plan.currency}`]);
        if (view.plan.carbonGPerHour !== undefined) pairs.push(['carbon per hour', `${view.plan.carbonGPerHour.toFixed(1)} gCO2e`]);
        for (const d of view.plan.decisions) pairs.push([`node ${d.replica > 0 ? `${d.node}#${d.replica}` : d.node}`, `${d.providerId}/${d.regionId} ${d.offerId}`]);
      }
      ctx.out.record(pairs, view);
    });

  registerOffersCommand(program, env);

  program
    .command('invoice')
    .alias('invoices')
    .description('list invoices, or show one with its lines')
    .argument('[location]', '/invoice/<id> to show one')
    .option('-f, --filter <name=value>', 'only invoices with this attribute value (repeatable)', collectOption, [])
    .addHelpText('after', examples(['accords invoice', 'accords invoice /invoice/4b2… -o json']))
    .action(async (location: string | undefined, _opts, command: Command) => {
      const ctx = commandContext(command, env);
      const flags = command.opts<{ filter: string[] }>();
      if (location) {
        const invoice = invoiceView(await ctx.client.entities.get(location, { signal: ctx.signal }));
        const money = (v: number | undefined): string | undefined => (v === undefined ? undefined : `${v.toFixed(2)} ${invoice.currency ?? ''}`.trim());
        const pairs: [string, unknown][] = [
          ['invoice', invoice.location],
          ['title', invoice.title],
          ['period', period(invoice)],
          ['status', invoice.status],
          ['subtotal', money(invoice.subtotal)],
          ['penalties', money(invoice.penalties)],
          ['credits', money(invoice.credits)],
          ['total', money(invoice.total)],
        ];
        invoice.lines.forEach((line, i) => pairs.push([`line ${i + 1}`, describeLine(line)]));
        return ctx.out.record(pairs.filter(([, v]) => v !== undefined && v !== ''), invoice);
      }
      const attributes = Object.fromEntries(flags.filter.map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]));
      const rows: InvoiceView[] = [];
      for await (const i of ctx.client.broker.invoices({ filter: { attributes }, signal: ctx.signal })) rows.push(invoiceView(i));
      ctx.out.list(rows, [
        { header: 'LOCATION', value: (v) => v.location },
        { header: 'TITLE', value: (v) => v.title },
        { header: 'PERIOD', value: (v) => period(v) },
        { header: 'STATUS', value: (v) => v.status },
        { header: 'LINES', value: (v) => v.lines.length, numeric: true },
        { header: 'TOTAL', value: (v) => (v.total === undefined ? '' : v.total.toFixed(2)), numeric: true },
        { header: 'CURRENCY', value: (v) => v.currency },
      ]);
    });
}

function period(v: InvoiceView): string {
  return [v.periodStart, v.periodEnd].filter(Boolean).join(' – ');
}

async function waitForPlan(ctx: CommandContext, agreement: string): Promise<AgreementView & { plan: PlacementPlan }> {
  // The broker computes the plan right after the submission; give it a moment when it is not there yet.
  for (let attempt = 0; ; attempt++) {
    const view = await ctx.client.broker.agreement(agreement, { signal: ctx.signal });
    if (view.plan) return view as AgreementView & { plan: PlacementPlan };
    if (view.state && view.state !== 'pending') throw new CliError(`agreement ${agreement} is ${view.state} and has no plan`, { exitCode: ExitCode.deployFailed });
    if (attempt >= 20) throw new CliError(`agreement ${agreement} still has no plan`, { exitCode: ExitCode.server });
    await sleep(Math.min(100 * 2 ** attempt, 2000), ctx.signal);
  }
}

async function follow(ctx: CommandContext, options: { agreement: string; nodes: { node: string; instances: number }[]; timeoutSeconds: number }): Promise<Record<string, string>> {
  const tracker = new DeployTracker(options.nodes);
  const view = createProgressView({ io: ctx.io, interactive: ctx.io.stderr.isTTY === true && ctx.out.mode !== 'json', nodes: tracker.all });
  const timeout = AbortSignal.timeout(options.timeoutSeconds * 1000);
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  timeout.addEventListener('abort', stop, { once: true });
  ctx.signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const event of ctx.client.broker.watch(options.agreement, { signal: controller.signal })) {
      const update = tracker.apply(event);
      for (const change of update.changed) view.update(change);
      if (update.failed) throw new CliError(`deployment failed: ${update.failed}`, { exitCode: ExitCode.deployFailed, hint: `accords status ${options.agreement}` });
      if (update.done) return Object.fromEntries(tracker.all.map((n) => [n.key, n.state]));
    }
    throw new CliError(`the progress stream of ${options.agreement} ended before every node ran`, { exitCode: ExitCode.deployFailed, hint: `accords status ${options.agreement}` });
  } catch (error) {
    if (timeout.aborted && !ctx.signal.aborted) throw new CliError(`not every node ran after ${options.timeoutSeconds} s`, { exitCode: ExitCode.deployFailed, hint: `accords status ${options.agreement}` });
    throw error;
  } finally {
    view.stop();
    timeout.removeEventListener('abort', stop);
    ctx.signal.removeEventListener('abort', stop);
  }
}

function unplaced(plan: PlacementPlan): CliError {
  return new CliError(`${plan.unplaced.length} node(s) cannot be placed: ${plan.unplaced.map((u) => `${u.node} (${u.reason})`).join('; ')}`, { exitCode: ExitCode.deployFailed });
}

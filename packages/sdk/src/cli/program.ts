import { Command, CommanderError, Option } from 'commander';
import { registerBrokerCommands } from './commands/broker';
import { registerMixinCommands } from './commands/mixin';
import { registerReadCommands } from './commands/read';
import { registerWriteCommands } from './commands/write';
import type { CliEnvironment } from './context';
import { formatError } from './errors';
import { ExitCode, exitCodeFor } from './exit-codes';
import { examples } from './help';

/** The CLI's version, shown by `accords --version`. */
export const CLI_VERSION = '0.1.0';

/**
 * Builds the `accords` command tree.
 * @param env - streams, environment, signal
 * @returns the root command
 */
export function buildProgram(env: CliEnvironment): Command {
  const program = new Command('accords')
    .description('Drive an Accords broker, or any OCCI 1.2 server, from the command line.')
    .version(CLI_VERSION, '-V, --version')
    .option('-u, --url <url>', 'server URL (env ACCORDS_URL; default http://127.0.0.1:8080)')
    .option('--token <token>', 'bearer token (env ACCORDS_TOKEN)')
    .option('--user <user:password>', 'HTTP Basic credentials (env ACCORDS_USER)')
    .addOption(new Option('-o, --output <mode>', 'table (default on a terminal), json, or text (default otherwise)').choices(['table', 'json', 'text']))
    .addOption(new Option('--rendering <rendering>', 'OCCI rendering on the wire (env ACCORDS_RENDERING; default json)').choices(['json', 'text']))
    .option('--profile <name>', 'a profile of the config file (env ACCORDS_PROFILE)')
    .option('--config <file>', 'config file (env ACCORDS_CONFIG; default ~/.config/accords/config.yaml)')
    .option('--timeout <ms>', 'time limit of one HTTP attempt', '30000')
    .option('--retries <n>', 'retries on 503 and connection failures', '2')
    .option('--no-color', 'no colours')
    .option('-v, --verbose', 'details of errors and retries')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `${examples([
        'accords model --kinds',
        'accords create compute -a occi.compute.cores=2 -t debian_12',
        'accords list compute -o json',
        'accords deploy docs/examples/web-shop.yaml',
        'ACCORDS_URL=https://broker.example.org accords status /agreement/0c3…',
      ])}
Exit codes: 0 ok, 1 unexpected, 2 usage, 3 invalid input, 4 not found, 5 authentication,
6 conflict, 7 rejected by the server, 8 server error, 9 server unreachable,
10 deployment failed, 11 cancelled.
`,
    );
  registerReadCommands(program, env);
  registerWriteCommands(program, env);
  registerMixinCommands(program, env);
  registerBrokerCommands(program, env);
  return program;
}

/**
 * Runs the CLI once: parses `argv`, runs the command, prints errors as one line.
 * @param argv - the arguments after `node script` (e.g. `['list', 'compute']`)
 * @param env - streams, environment variables, cancellation signal
 * @returns the process exit code (see {@link ExitCode})
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { io: process, env: process.env, signal });
 */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const program = buildProgram(env);
  const verbose = argv.includes('-v') || argv.includes('--verbose');
  const color = env.io.stderr.isTTY === true && !argv.includes('--no-color') && !env.env.NO_COLOR;
  const configure = (command: Command): void => {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => void env.io.stdout.write(text),
      writeErr: (text) => void env.io.stderr.write(text),
      outputError: (text, write) => write(`accords: ${text.replace(/^error: /, '')}`),
    });
    for (const sub of command.commands) configure(sub);
  };
  configure(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `--help` and `--version` exit 0; a bare group (`accords mixin`) prints its help as a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (env.signal.aborted) {
      env.io.stderr.write('accords: cancelled\n');
      return ExitCode.cancelled;
    }
    env.io.stderr.write(formatError(error, { verbose, color }));
    return exitCodeFor(error);
  }
}

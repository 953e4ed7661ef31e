#!/usr/bin/env node
import { runCli } from './cli/program';
import { confirmOnTerminal } from './cli/prompt';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort(new Error('interrupted'));
  // A second Ctrl-C does not wait for the clean-up.
  process.once('SIGINT', () => process.exit(130));
});

// `accords list compute | head -1`: the reader went away, so there is nobody left to write to.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  io: {
    stdout: process.stdout,
    stderr: process.stderr,
    confirm: process.stdin.isTTY && process.stderr.isTTY ? confirmOnTerminal : undefined,
  },
  env: process.env,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`accords: unexpected failure: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

import type { Command } from 'commander';
import { CliError, ExitCode } from './exit-codes';

/**
 * The "Examples:" block appended to a command's `--help`.
 * @param lines - one command line per example
 * @returns the help text
 */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Commander option parser that collects repeated values.
 * @param value - this occurrence
 * @param previous - the values so far
 * @returns all values
 */
export function collectOption(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * A usage error (exit code 2) about a flag or argument.
 * @param message - what is wrong
 * @returns the error to throw
 */
export function usageError(message: string): CliError {
  return new CliError(message, { exitCode: ExitCode.usage });
}

/**
 * Reads a positive integer flag.
 * @param flag - the flag's name, for the message
 * @param text - its value
 * @returns the number
 * @throws {CliError} exit code 2 when it is not a positive integer
 */
export function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw usageError(`${flag} must be a positive integer, got "${text}"`);
  return n;
}

/**
 * Adapts a command handler to commander's calling convention (the arguments, then the options,
 * then the command), so that handlers take the positional arguments as one tuple.
 * @param handler - receives the positional arguments and the command
 * @returns the function to pass to `.action()`
 */
export function withArgs<A extends unknown[]>(handler: (args: A, command: Command) => Promise<void>): (...all: unknown[]) => Promise<void> {
  return (...all) => handler(all.slice(0, -2) as A, all.at(-1) as Command);
}

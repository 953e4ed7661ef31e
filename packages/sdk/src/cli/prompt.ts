import { createInterface } from 'node:readline/promises';

/**
 * Asks a yes/no question on the terminal; anything but y/yes is a no.
 * @param question - the question, without the `[y/N]`
 * @returns whether the user said yes
 */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

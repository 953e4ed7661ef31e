import cliProgress from 'cli-progress';
import type { NodeProgress } from './deploy-tracker';
import type { CliIo } from './output';

/** Shows deployment progress: bars on a terminal, one line per change elsewhere. */
export interface ProgressView {
  update(node: NodeProgress): void;
  stop(): void;
}

/**
 * Creates the progress display on stderr (stdout stays for the result).
 * @param options - the streams, whether stderr is a terminal, and the instances to show
 * @returns the view
 */
export function createProgressView(options: { io: CliIo; interactive: boolean; nodes: readonly NodeProgress[] }): ProgressView {
  const { io } = options;
  if (!options.interactive) {
    const last = new Map<string, string>();
    return {
      update(node) {
        const line = `${node.key}\t${node.state}\t${Math.round(node.progress * 100)}%${node.message ? `\t${node.message}` : ''}`;
        if (last.get(node.key) === line) return;
        last.set(node.key, line);
        io.stderr.write(`${line}\n`);
      },
      stop() {},
    };
  }
  // Room for rows that appear later (the manifest's networks) without shifting the bars.
  const width = Math.max(16, ...options.nodes.map((n) => n.key.length));
  const multibar = new cliProgress.MultiBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: '{node} {bar} {percentage}% {state}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      forceRedraw: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const payload = (n: NodeProgress) => ({ node: n.key.slice(0, width).padEnd(width), state: n.message ? `${n.state}: ${n.message}` : n.state });
  for (const n of options.nodes) bars.set(n.key, multibar.create(100, Math.round(n.progress * 100), payload(n)));
  return {
    update(node) {
      let bar = bars.get(node.key);
      if (!bar) {
        bar = multibar.create(100, 0, payload(node));
        bars.set(node.key, bar);
      }
      bar.update(Math.round(node.progress * 100), payload(node));
    },
    stop() {
      multibar.stop();
    },
  };
}

/**
 * One signal that aborts when any of the given signals aborts: `AbortSignal.any` where the
 * runtime has it, a listener-based fallback elsewhere (older browsers).
 * @param signals - the signals to follow; undefined entries are ignored
 * @returns a signal, or undefined when no signal was given
 * @example
 * fetch(url, { signal: anySignal(clientSignal, AbortSignal.timeout(5000)) });
 */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  // The native one lets go of its sources when the combined signal is collected; the fallback
  // below keeps a listener on each source until one of them aborts.
  const native = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (typeof native === 'function') return native.call(AbortSignal, present);
  const controller = new AbortController();
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      return controller.signal;
    }
  }
  const cleanups: (() => void)[] = [];
  for (const signal of present) {
    const onAbort = (): void => {
      controller.abort(signal.reason);
      for (const cleanup of cleanups) cleanup();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal.removeEventListener('abort', onAbort));
  }
  return controller.signal;
}

/** A first-come first-served asynchronous lock. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /**
   * Runs `fn` once every earlier holder has finished.
   * @param fn - the critical section
   * @returns what `fn` returns
   */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

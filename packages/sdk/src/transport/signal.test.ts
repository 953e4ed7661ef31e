import { describe, expect, it, vi } from 'vitest';
import { anySignal } from './signal';

describe('anySignal', () => {
  it('passes through zero or one signal', () => {
    const c = new AbortController();
    expect(anySignal()).toBeUndefined();
    expect(anySignal(undefined, c.signal)).toBe(c.signal);
  });

  it.each([
    ['native', true],
    ['fallback', false],
  ])('aborts with the first reason (%s)', (_name, native) => {
    if (!native) vi.stubGlobal('AbortSignal', Object.assign(class extends EventTarget {}, { timeout: AbortSignal.timeout }));
    try {
      const a = new AbortController();
      const b = new AbortController();
      const both = anySignal(a.signal, b.signal)!;
      expect(both.aborted).toBe(false);
      b.abort('b went first');
      expect(both.aborted).toBe(true);
      expect(both.reason).toBe('b went first');
      const already = anySignal(new AbortController().signal, b.signal)!;
      expect(already.reason).toBe('b went first');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does not pile up listeners on a long-lived signal', () => {
    const client = new AbortController();
    const warn = vi.spyOn(process, 'emitWarning');
    for (let i = 0; i < 50; i++) anySignal(client.signal, new AbortController().signal);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

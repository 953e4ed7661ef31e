import { describe, expect, it } from 'vitest';
import { readEventStream } from './sse';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

describe('readEventStream', () => {
  it('reassembles events split across chunks, with ids and default type, dropping an unterminated tail', async () => {
    const events = [];
    for await (const e of readEventStream(streamOf(['event: state\nid: 1\nda', 'ta: {"a":1}\n\n: comment\n\ndata: x\ndata: y\n\n', 'data: tail']))) events.push(e);
    expect(events).toEqual([
      { event: 'state', id: '1', data: '{"a":1}' },
      { event: 'message', data: 'x\ny' },
    ]);
  });
});

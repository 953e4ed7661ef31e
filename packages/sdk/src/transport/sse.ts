import { createParser } from 'eventsource-parser';

/** One Server-Sent Event as it arrived. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the server gave none. */
  event: string;
  data: string;
  id?: string;
}

/**
 * Reads a `text/event-stream` body as an async iterator of events. Stops when the stream ends (an
 * unterminated last event is dropped, as the SSE specification says); breaking out of the loop cancels the stream.
 * @param body - the response body
 * @returns the events in order
 * @example
 * for await (const e of readEventStream(response.body!)) console.log(e.event, e.data);
 */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent, void, undefined> {
  const queue: ServerSentEvent[] = [];
  const parser = createParser({
    onEvent: (message) => {
      const event: ServerSentEvent = { event: message.event ?? 'message', data: message.data };
      if (message.id !== undefined) event.id = message.id;
      queue.push(event);
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield queue.shift()!;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

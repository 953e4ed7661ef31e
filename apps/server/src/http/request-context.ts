import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** The request id (`X-Request-Id`), set by the front door. */
    id: string;
    /** The request's logger (a child carrying `requestId`), set by the front door. */
    log: Logger;
  }
}

export {};

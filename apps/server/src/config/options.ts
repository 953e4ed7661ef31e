import type { ServerPlugin } from '../plugins/types';

/** Request limits; every field has a default (see {@link DEFAULT_LIMITS}). */
export interface ServerLimits {
  /** Largest request body in bytes (413 above). */
  bodyBytes: number;
  /** Most request headers (431 above). */
  headerCount: number;
  /** Largest total header size in bytes (431 above). */
  headerBytes: number;
  /** Time allowed for one request, in milliseconds (503 after). */
  requestTimeoutMs: number;
  /** Largest `number` accepted for pagination (413 above). */
  maxPageSize: number;
}

/** The limits used when none are given. */
export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 1024 * 1024,
  headerCount: 100,
  headerBytes: 16 * 1024,
  requestTimeoutMs: 30_000,
  maxPageSize: 1000,
};

/** Log levels understood by the server's pino logger. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** How to start a server ({@link startServer}). */
export interface ServerOptions {
  /** `sqlite:<file>`, `sqlite::memory:` or `postgres://...` (optionally `?schema=<name>`). */
  databaseUrl: string;
  /** Listening port; 0 picks any free port. Default 8080. */
  port?: number;
  /** Listening address. Default 127.0.0.1. */
  host?: string;
  /** The bootstrap administrator token; generated and printed at the first start when absent. */
  adminToken?: string;
  /** Log level (default `info`). */
  logLevel?: LogLevel;
  /** Extensions: categories, hooks, routes, services (the broker is one). */
  plugins?: ServerPlugin[];
  /** Request limits; missing fields take {@link DEFAULT_LIMITS}. */
  limits?: Partial<ServerLimits>;
  /** Seed the Infrastructure templates and region mixins (default true). */
  seed?: boolean;
  /**
   * The URL clients reach this server at when it differs from what they send in `Host` (behind a
   * proxy), e.g. `https://cloud.example.org`: absolute URLs on its origin name local entities.
   */
  publicUrl?: string;
  /** Raw `ACCORDS_CONNECTORS` value, for plugins that load connectors. */
  connectors?: string;
}

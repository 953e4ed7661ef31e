import { pino } from 'pino';
import type { Logger } from 'pino';
import type { LogLevel } from '../config/options';

/**
 * Creates the server's structured logger (JSON lines on stdout).
 * @param level - the minimum level
 * @returns a pino logger
 */
export function createLogger(level: LogLevel = 'info'): Logger {
  return pino({ level, base: { service: 'accords-server' }, redact: ['req.headers.authorization'] });
}

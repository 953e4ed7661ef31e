#!/usr/bin/env node
/**
 * Entry point of `npm start`: reads the environment (PORT, HOST, ACCORDS_DATABASE_URL,
 * ACCORDS_ADMIN_TOKEN, ACCORDS_CONNECTORS, ACCORDS_LOG_LEVEL) and starts the server.
 */
import { AccordsError } from '@accords/occi';
import { loadConfig } from './config/load-config';
import { defaultBroker } from './connectors/default-broker';
import { startServer } from './server';

async function main(): Promise<void> {
  const options = loadConfig(process.env);
  const server = await startServer({ ...options, plugins: [defaultBroker(options.connectors), ...(options.plugins ?? [])] });
  process.stdout.write(`Accords listening on ${server.url} (database ${options.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: closing\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof AccordsError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`accords: cannot start: ${message}\n`);
  process.exit(1);
});

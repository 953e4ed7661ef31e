import express from 'express';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { ServerLimits, ServerOptions } from './config/options';
import { DEFAULT_LIMITS } from './config/options';
import { openDatabase } from './store/database';
import type { Database } from './store/database';
import { ensureAdmin } from './store/tenant-repo';
import { createLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import './http/request-context';
import { frontDoor } from './http/front-door';
import { serverError } from './errors';
import { authenticate } from './http/authenticate';
import { PrincipalCache } from './auth/principal-cache';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { buildModel } from './core/build-model';
import { Tenancy } from './core/tenancy';
import { tenantPlugin } from './plugins/tenant-plugin';
import { createPluginApi } from './plugins/plugin-api';
import { occiRouter } from './http/occi-router';
import { SERVER_HEADER } from './http/occi-version';
import type { Model } from '@accords/occi';

/** An assembled application, not yet listening ({@link createApp}). */
export interface AppHandle {
  /** The express application (mount it on any HTTP server). */
  app: Express;
  /** The open database. */
  db: Database;
  /** The provider model (standard categories, seed and plugin categories). */
  model: Model;
  /** The server's logger. */
  log: Logger;
  /** The administrator token when configured or minted at this start. */
  adminToken: string | undefined;
  /** Starts the plugins' background services. */
  startServices(): Promise<void>;
  /** Stops the services and closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the application: opens the database and runs migrations, ensures the administrator,
 * builds the model (standard categories, seed, plugins), and wires every route and middleware.
 * @param options - as for {@link startServer} (port and host are ignored)
 * @returns the application and its resources
 * @throws AccordsError when the options are invalid
 * @example
 * ```ts
 * const { app, close } = await createApp({ databaseUrl: 'sqlite::memory:', adminToken: 'a-long-admin-token' });
 * ```
 */
export async function createApp(options: ServerOptions): Promise<AppHandle> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = createLogger(options.logLevel);
  const principals = new PrincipalCache();
  const plugins = [tenantPlugin({ onTokensChanged: () => principals.clear() }), ...(options.plugins ?? [])];
  const model = await buildModel({ plugins, seed: options.seed !== false });
  const db = await openDatabase({
    url: options.databaseUrl,
    tables: plugins.flatMap((p) => p.tables ?? []),
    migrations: plugins.flatMap((p) => p.migrations ?? []),
  });
  let adminToken: string | undefined;
  try {
    const admin = await db.exclusive(() => db.transaction((manager) => ensureAdmin(manager, options.adminToken)));
    adminToken = options.adminToken ?? admin.minted;
    if (admin.minted && options.adminToken === undefined) {
      log.warn('administrator token created (shown once)');
      process.stdout.write(`\nAccords administrator token (shown once): ${admin.minted}\n\n`);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  const metrics = createMetrics();
  const tenancy = new Tenancy({ db, model, plugins, log, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  const api = createPluginApi({ tenancy, log, model, options });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(frontDoor({ log, metrics, limits }));
  app.get('/healthz', (_req, res, next) => {
    db.dataSource.query('SELECT 1').then(
      () => res.json({ status: 'ok', server: SERVER_HEADER, database: db.type }),
      (error: unknown) => next(serverError('unavailable', 'the database does not answer', { cause: error })),
    );
  });
  app.use(authenticate(db, principals));
  app.get('/metrics', (_req, res, next) => {
    if (!(res.locals.principal as { isAdmin: boolean }).isAdmin) return next(serverError('forbidden', '/metrics is for administrators'));
    metrics.registry.metrics().then(
      (text) => res.type(metrics.registry.contentType).send(text),
      (error: unknown) => next(error),
    );
  });
  for (const plugin of plugins) {
    if (plugin.routes) {
      const router = express.Router();
      plugin.routes(router, api);
      app.use(router);
    }
  }
  const readBody = express.raw({ type: () => true, limit: limits.bodyBytes });
  // GET and HEAD carry no content in OCCI: their bodies, if any, are never read.
  app.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : readBody(req, res, next)));
  app.use(occiRouter({ tenancy, limits }));
  app.use(notFoundHandler());
  app.use(errorHandler(log));

  const started: typeof plugins = [];
  return {
    app,
    db,
    model,
    log,
    adminToken,
    async startServices() {
      for (const plugin of plugins) {
        if (plugin.start) {
          await plugin.start(api);
          started.push(plugin);
        }
      }
    },
    async close() {
      for (const plugin of started.reverse()) await plugin.stop?.();
      await db.close();
    },
  };
}

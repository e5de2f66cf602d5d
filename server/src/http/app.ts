import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type HTTPMethods,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Kysely } from 'kysely';
import secureJson from 'secure-json-parse';
import type { AccessCheck } from '../access';
import type { Database as Tables } from '../db/schema';
import type { Logger } from '../log';
import type { ServerMetrics } from '../metrics';
import { analysesRoutes } from '../routes/analyses';
import { actionsRoutes } from '../routes/actions';
import { casesRoutes } from '../routes/cases';
import { insightsRoutes } from '../routes/insights';
import { searchRoutes } from '../routes/search';
import { customersRoutes } from '../routes/customers';
import { exportsRoutes } from '../routes/exports';
import { bulkExportRoutes } from '../routes/bulkExport';
import { importsRoutes } from '../routes/imports';
import { healthRoutes } from '../routes/health';
import type { SummaryRefresher } from '../jobs/SummaryRefresher';
import type { DocumentStore } from '../storage/DocumentStore';
import type { SyncHub } from '../sync/SyncHub';
import { errorReply, HttpError, sendError } from './errors';
import { schemaCompiler } from './validators';

/** What the routes work with, decorated onto the app as `app.whychain`. */
export interface AppContext {
  store: DocumentStore;
  /** Customers, cases and summaries (Kysely). */
  db: Kysely<Tables>;
  /** Goes up whenever relational data changes: caches of figures compare it. */
  dataVersion: { value: number };
  /** Keeps the analyses' summary rows in step with their documents. */
  summaries: SummaryRefresher;
  /** A customer with this many cases within this many days is flagged (many minor wounds). */
  minorWounds: { cases: number; days: number };
  hub: SyncHub;
  metrics: ServerMetrics;
  access: AccessCheck;
  log: Logger;
  /** Folder of the built client. */
  clientDir: string;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
}

/** The app as routes see it: schemas written with TypeBox type their handlers. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    whychain: AppContext;
  }
}

/** Routes that answer without the access check: probes must work for the operator's tools. */
const OPEN_PATHS = new Set(['/healthz', '/metrics']);
const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The HTTP side of the server: the JSON API (every route declares its schema, which validates
 * the input, types the handler and makes the OpenAPI document at /api/openapi.json), the
 * operator's probes and the built client. The sync socket shares the port (see startServer).
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: ctx.bodyLimit,
    // A bad percent-encoding in any address gets our error shape, not the framework's.
    frameworkErrors: (error, _request, reply) => {
      if (error.code === 'FST_ERR_BAD_URL') {
        sendError(reply, 400, 'The address is not valid URL encoding.', 'bad_url');
      } else sendError(reply, 400, error.message);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('whychain', ctx);
  app.setValidatorCompiler(schemaCompiler());

  // JSON with the parser's own words in the error, and __proto__ / constructor keys refused.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(
        new HttpError(400, 'Request body is empty; expected JSON.', 'malformed_json'),
        undefined,
      );
      return;
    }
    try {
      done(
        null,
        secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }),
      );
    } catch (err) {
      done(
        new HttpError(400, `Malformed JSON: ${(err as Error).message}`, 'malformed_json'),
        undefined,
      );
    }
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, error, code, field } = errorReply(err, request);
    if (status >= 500) {
      ctx.log('error', 'request failed', { path: request.url, why: err.message });
    }
    if (reply.sent) return;
    return sendError(reply, status, error, code, field);
  });

  // The one gate: every request but the probes is described to the access check.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (OPEN_PATHS.has(path)) return;
    const params = (request.params ?? {}) as { id?: string };
    const decision = await ctx.access({
      channel: 'http',
      analysisId: path.startsWith('/api/') ? params.id : undefined,
      action: request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write',
      request: request.raw,
    });
    if (!decision.allowed) return sendError(reply, decision.status, decision.reason);
  });

  // Any write through the API changes what figures are built on.
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') ctx.dataVersion.value++;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Whychain API',
        version: '1',
        description:
          'Errors answer `{ "error": "what is wrong", "code": "stable_code", "field": "path.of.field" }` (field when one is to blame) with a 4xx status; a failed request changes nothing. Edits to an analysis go through the sync socket at /sync/:id (Yjs over y-websocket).',
      },
    },
    hideUntagged: true,
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });

  // Methods a route does not have answer 405 rather than 404.
  const routes = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = routes.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    routes.set(route.url, methods);
  });
  await app.register(healthRoutes);
  await app.register(analysesRoutes);
  await app.register(casesRoutes);
  await app.register(customersRoutes);
  await app.register(actionsRoutes);
  await app.register(searchRoutes);
  await app.register(insightsRoutes);
  await app.register(bulkExportRoutes);
  await app.register(exportsRoutes);
  await app.register(importsRoutes);
  await app.register(async (scope) => {
    for (const [url, methods] of routes) {
      const missing = METHODS.filter((m) => !methods.has(m));
      const allowed = METHODS.filter((m) => methods.has(m)).join(' or ');
      scope.route({
        method: missing,
        url,
        schema: { hide: true },
        handler: async (request) => {
          throw new HttpError(405, `${request.method} is not allowed on ${url}; use ${allowed}.`);
        },
      });
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Browsable reference of the same document.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const index = join(ctx.clientDir, 'index.html');
  if (existsSync(index)) {
    await app.register(fastifyStatic, {
      root: ctx.clientDir,
      wildcard: true,
      index: ['index.html'],
      // Our own cache-control below (send's default would overwrite it with max-age=0).
      cacheControl: false,
      // Hashed asset names never change content: cached for good. The rest is revalidated.
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      return sendError(reply, 404, `No API route ${request.method} ${path}.`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(reply, 405, `${request.method} is not allowed here.`);
    }
    if (!existsSync(index)) {
      return sendError(
        reply,
        503,
        'The client is not built yet: run `npm run build` (npm start does it).',
      );
    }
    // Client-side routes (/a/:id) load the app.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}

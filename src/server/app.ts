import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { resolveActor } from '../modules/auth/resolve-actor.js';
import { usersRoutes } from '../modules/auth/users.routes.js';
import { bulletinsRoutes } from '../modules/bulletins/bulletins.routes.js';
import { calendarRoutes } from '../modules/calendar/calendar.routes.js';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.js';
import { enterprisesRoutes } from '../modules/enterprises/enterprises.routes.js';
import { importRoutes } from '../modules/enterprises/import/import.routes.js';
import { interruptOrphanedRuns } from '../modules/evaluation/evaluation.repo.js';
import { evaluationRoutes } from '../modules/evaluation/evaluation.routes.js';
import { expertsRoutes } from '../modules/experts/experts.routes.js';
import { filesRoutes } from '../modules/files/files.routes.js';
import { jobsRoutes } from '../modules/jobs/jobs.routes.js';
import { configureMessageChannels } from '../modules/messages/channels.js';
import { messagesRoutes } from '../modules/messages/messages.routes.js';
import { outboxMetrics } from '../modules/messages/outbox-metrics.js';
import { monitoringRoutes } from '../modules/monitoring/monitoring.routes.js';
import { recognitionRoutes } from '../modules/recognition/recognition.routes.js';
import { referenceRoutes } from '../modules/reference/reference.routes.js';
import { targetsRoutes } from '../modules/targets/targets.routes.js';
import { workbenchRoutes } from '../modules/workbench/workbench.routes.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { healthCheck } from './health.js';
import { sessionToken } from './http.js';
import { registerErrorHandling, registerForbiddenCharsCheck, registerStrictJsonParser, routerErrors } from './http-errors.js';
import { startInstance } from './instance.js';
import { JOBS, SCHEDULES } from './job-registry.js';
import { type LoggerOption, loggerOptions, registerRequestLog } from './logging.js';
import { registerMetrics } from './metrics.js';
import { registerOriginCheck } from './origin-check.js';
import { queueMetrics, startWorker } from './queue.js';
import { databaseRateLimitStore } from './rate-limit.js';
import { openReadReplica } from './read-replica.js';
import { registerReadiness } from './readiness.js';
import { registerRequestId, requestIdGenerator } from './request-id.js';
import { registerSecurityHeaders } from './security-headers.js';

/** What a user whose password must be changed may still call (login: to sign in as someone else). */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/password', '/api/auth/me', '/api/auth/logout', '/api/auth/login']);

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildOptions {
  database: Database;
  config: Config;
  /** JSON logs (pino): on for `serve`, off in tests unless they pass a stream to read. */
  logger?: LoggerOption;
  /** The built web app to serve (tests serve a copy, so that a rebuild meanwhile does not pull the files away). */
  webRoot?: string;
}

export async function buildApp({ database, config, logger = false, webRoot = webDist }: BuildOptions): Promise<FastifyInstance> {
  // This process as an instance: work that no live process holds is marked interrupted at once.
  const instance = await startInstance(database, [interruptOrphanedRuns]);
  const ctx: AppContext = { database, db: database.db, config, instanceId: instance.id };
  // The streaming replica the figures are read from (readerFor), if DATABASE_READ_URL is set.
  if (config.databaseReadUrl) ctx.replica = await openReadReplica(config.databaseReadUrl, config.readMaxLagSeconds);
  // The outbox channels new messages are queued for (ZJTX_OUTBOX_LOG, ZJTX_SMTP_URL).
  configureMessageChannels(config);
  // ZJTX_PROCESS=web serves requests and enqueues; worker and all also run the jobs and schedules.
  const worker = config.process === 'web' ? null : startWorker(ctx, JOBS, SCHEDULES, { instanceId: instance.id });
  const app = Fastify({
    logger: loggerOptions(logger, config.logLevel),
    // One line per request (registerRequestLog) instead of two; its id from a trusted proxy or new.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdGenerator(config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Bodies, params and queries are checked by zod; the JSON parser refuses invalid UTF-8.
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: routerErrors({ secure: config.secureCookies }),
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
  });
  // After the last request: stop claiming, hand back the running jobs' leases, then let go of the instance.
  // Which process runs a job: jobs.locked_by is this instance id.
  if (worker) app.log.info({ instanceId: instance.id, process: config.process }, 'job worker started');
  app.addHook('onClose', async () => {
    await worker?.stop();
    await instance.release();
    await ctx.replica?.database.close();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First, so that even a request refused by the origin check carries the headers.
  await registerSecurityHeaders(app, { secure: config.secureCookies });
  registerRequestId(app);
  registerRequestLog(app);
  registerMetrics(app, { db: database.db, allow: config.metricsAllow, sources: { queue: queueMetrics, outbox: outboxMetrics } });
  registerErrorHandling(app);
  registerStrictJsonParser(app);
  registerForbiddenCharsCheck(app);
  registerOriginCheck(app, config.allowedOrigins);

  await app.register(fastifyCookie);
  // Counters in the database: every process serving the platform shares the limits.
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'zjtx 专精特新企业梯度培育平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zjtx_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  // At the start of the request, so that a refusal comes before the body is read or validated.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = sessionToken(request);
    if (token) request.actor = await resolveActor(ctx, token, request.ip);
    if (request.actor) request.actor.requestId = request.id;
    // A password someone else chose: nothing but changing it (and seeing who one is, or leaving) until then.
    if (request.actor?.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, '请先修改初始密码后再继续使用');
    }
  });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            busy: z.boolean().optional().describe('内置数据库正忙于长事务（如大批量导入提交），本进程仍在响应'),
          }),
        },
      },
    },
    healthCheck(database),
  );
  registerReadiness(app, database, { queue: queueMetrics, replica: ctx.replica?.database });

  for (const routes of [
    authRoutes,
    usersRoutes,
    auditRoutes,
    referenceRoutes,
    importRoutes,
    enterprisesRoutes,
    evaluationRoutes,
    filesRoutes,
    messagesRoutes,
    expertsRoutes,
    recognitionRoutes,
    monitoringRoutes,
    targetsRoutes,
    bulletinsRoutes,
    dashboardRoutes,
    workbenchRoutes,
  ]) {
    await app.register(routes, { ctx });
  }

  await app.register(calendarRoutes, { ctx });
  await app.register(jobsRoutes, { ctx });

  await registerWeb(app, webRoot);
  return app;
}

/** The built React app, with every non-API path answered by index.html (client-side routes). */
async function registerWeb(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(root)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>前端尚未构建：请运行 <code>npm run build</code> 后重启。</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    // A missing built file is a 404, not the app's page: a browser would run HTML as a script or style.
    if (request.url.startsWith('/assets/')) {
      return reply.code(404).send({ code: 'FILE_NOT_FOUND', message: '文件不存在：页面可能已更新，请刷新' });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

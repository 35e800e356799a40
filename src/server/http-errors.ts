import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';
import { countRouterAnswer } from './metrics.js';
import { applySecurityHeaders } from './security-headers.js';
import { hasForbiddenChars } from './validation.js';

const PART_LABELS: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Fastify's own errors that users can cause, in Chinese. */
const FASTIFY_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: '请求内容过大' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BODY_EMPTY', message: '请求体不能为空' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型，请使用 application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: '请求长度与内容不符' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: '请求体不是有效的 JSON' },
};

/** Errors Fastify's router answers itself, before any hook or the error handler (the `frameworkErrors` option). */
const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: '请求地址含有无效的字符' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URL_TOO_LONG', message: '请求地址中的参数过长' },
};

export function routerErrors({ secure }: { secure: boolean }) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const known = (error.code && ROUTER_ERRORS[error.code]) || { status: 400, code: 'BAD_REQUEST', message: '请求格式不正确' };
    // No hook runs for these answers: they get the security headers here.
    applySecurityHeaders(request.raw, reply.raw, secure);
    reply.header('X-Request-Id', request.id);
    countRouterAnswer(request, known.status, known.code);
    reply.code(known.status).send({ code: known.code, message: known.message });
  };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = (error as { validationContext?: string }).validationContext ?? 'body';
      const fields = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        // Unknown keys are reported on the parent object; name the keys themselves.
        const unknownKeys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] }).keys : undefined;
        const field = unknownKeys?.length ? unknownKeys.map((k) => (path ? `${path}.${k}` : k)).join(', ') : path || '(整体)';
        return { field, message: issue.message };
      });
      const first = fields[0];
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: `${PART_LABELS[part] ?? '请求'}有误：${first ? `字段 ${first.field}：${first.message}` : '格式不正确'}`,
        details: { part, fields },
      });
    }
    const database = databaseError(error);
    if (database) return reply.code(database.status).send({ code: database.code, message: database.message });
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return reply.code(error.statusCode ?? 400).send(known);
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: 'BAD_REQUEST', message: '请求格式不正确' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL_ERROR', message: '服务器内部错误，操作未生效，请稍后重试' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
  });
}

/** PostgreSQL constraint errors that a use case did not turn into its own message (drizzle wraps them in `cause`). */
function databaseError(error: unknown): AppError | undefined {
  const pgCode = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  switch (pgCode) {
    case '23505':
      return new AppError('DUPLICATE', 409, '记录重复：与已有记录冲突');
    case '23503':
      return new AppError('REFERENCE_INVALID', 400, '引用的记录不存在');
    case '23514':
    case '22001':
    case '22003':
    case '22P02':
    // Dates PostgreSQL cannot hold (year 0, beyond 294276) and characters it cannot store: the input's fault.
    case '22007':
    case '22008':
    case '22021':
      return new AppError('VALUE_INVALID', 400, '数据值不符合要求');
    default:
      return undefined;
  }
}

/** The first string (value or key) in a parsed query, path or JSON body that holds a forbidden character, as a dotted path. */
function forbiddenCharsAt(input: unknown): string | undefined {
  // Iterative: a body nested 100,000 deep must not overflow the stack.
  const stack: [unknown, string][] = [[input, '']];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (hasForbiddenChars(value)) return path || '(整体)';
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (hasForbiddenChars(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}

/**
 * NUL, other control characters and lone surrogates are refused in every query, path parameter and
 * JSON body before any route sees them: PostgreSQL cannot store NUL, and a query that reaches it
 * with one fails half-way (an export's stream after its headers are sent).
 */
export function registerForbiddenCharsCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, input] of [
      ['querystring', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const field = forbiddenCharsAt(input);
      if (field === undefined) continue;
      const message = '含有不允许的控制字符';
      throw new AppError('VALIDATION_FAILED', 400, `${PART_LABELS[part]}有误：字段 ${field}：${message}`, {
        part,
        fields: [{ field, message }],
      });
    }
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON bodies must be valid UTF-8: a replacement character would silently change what the user sent. */
export function registerStrictJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let textBody: string;
    try {
      textBody = strictUtf8.decode(body);
    } catch {
      return done(new AppError('INVALID_UTF8', 400, '请求内容不是有效的 UTF-8 编码'), undefined);
    }
    if (textBody.trim() === '') return done(new AppError('BODY_EMPTY', 400, '请求体不能为空'), undefined);
    try {
      done(null, JSON.parse(textBody));
    } catch {
      done(new AppError('INVALID_JSON', 400, '请求体不是有效的 JSON'), undefined);
    }
  });
}

/**
 * The one error type of the program: a stable code for programs, a Chinese message for
 * people, an HTTP status, and optional details (e.g. which field).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * One wording for every absent or refused record, whatever its kind: naming the kind
 * ("企业不存在…") would tell a prober which kind of thing exists.
 */
export const notFound = () => new AppError('NOT_FOUND', 404, '记录不存在或无权查看');
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', 403, message);
export const unauthenticated = () => new AppError('AUTH_REQUIRED', 401, '请先登录');
export const versionConflict = () => new AppError('VERSION_CONFLICT', 409, '该记录已被他人修改，请刷新后在最新内容上重新修改');

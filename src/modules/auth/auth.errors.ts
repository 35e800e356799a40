// The auth module's error codes and their Chinese messages (accounts, sign-in, passwords).
import { AppError } from '../../server/errors.js';

export const invalidCredentials = (remainingAttempts: number) =>
  new AppError('AUTH_INVALID_CREDENTIALS', 401, `用户名或密码错误，还可尝试 ${remainingAttempts} 次`, { remainingAttempts });
export const accountDisabled = () => new AppError('AUTH_ACCOUNT_DISABLED', 403, '账号已停用，请联系管理员');
export const accountLocked = (message: string, lockedUntil: Date) => new AppError('AUTH_ACCOUNT_LOCKED', 423, message, { lockedUntil });
export const currentPasswordWrong = (remainingAttempts: number) =>
  new AppError('AUTH_CURRENT_PASSWORD_WRONG', 400, `当前密码不正确，还可尝试 ${remainingAttempts} 次`, {
    field: 'currentPassword',
    remainingAttempts,
  });
export const passwordUnchanged = () => new AppError('PASSWORD_UNCHANGED', 400, '新密码不能与当前密码相同', { field: 'newPassword' });
export const passwordTooWeak = (message: string, field: string, rule: string) =>
  new AppError('PASSWORD_TOO_WEAK', 400, message, { field, rule });
export const accountChangedMeanwhile = () => new AppError('VERSION_CONFLICT', 409, '账号刚刚被修改，请重新登录后再试');
export const usernameInvalid = (reason: string) => new AppError('VALIDATION_FAILED', 400, `用户名${reason}`, { field: 'username' });
export const usernameTaken = (username: string) =>
  new AppError('USERNAME_TAKEN', 409, `用户名 ${username} 已被使用`, { field: 'username' });
export const bindingMissing = (field: string, message: string) => new AppError('USER_BINDING_REQUIRED', 400, message, { field });
export const selfLockout = () => new AppError('USER_SELF_LOCKOUT', 400, '不能停用自己的账号或修改自己的角色');

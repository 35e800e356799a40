// The reference module's error codes and their Chinese messages.
import { AppError } from '../../server/errors.js';

export const districtUnknown = (code: string, field: string) =>
  new AppError('DISTRICT_UNKNOWN', 400, `未知的区县或功能区代码：${code}`, { field });
export const industryUnknown = (code: string, field: string) =>
  new AppError('INDUSTRY_UNKNOWN', 400, `未知的国民经济行业大类代码：${code}`, { field });
export const clusterUnknown = (code: string, field: string) =>
  new AppError('CLUSTER_UNKNOWN', 400, `未知的产业集群代码：${code}`, { field });
export const clusterDuplicate = (code: string) => new AppError('CLUSTER_DUPLICATE', 409, `集群代码 ${code} 已存在`, { field: 'code' });

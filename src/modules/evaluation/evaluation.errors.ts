// The evaluation module's error codes and their Chinese messages.
import { AppError } from '../../server/errors.js';

export const mainRevenueAboveRevenue = (year: number) =>
  new AppError('MAIN_REVENUE_ABOVE_REVENUE', 400, `${year} 年主营业务收入不能大于营业收入`, { field: 'years' });
export const rdStaffAboveEmployees = (year: number) =>
  new AppError('RD_STAFF_ABOVE_EMPLOYEES', 400, `${year} 年研发人员不能多于从业人员`, { field: 'years' });
export const yearDuplicate = () => new AppError('YEAR_DUPLICATE', 400, '年度重复', { field: 'years' });
export const parameterUnknown = (ruleSet: string, path: string) =>
  new AppError('PARAMETER_UNKNOWN', 400, `规则集 ${ruleSet} 没有参数 ${path}`, { field: path });
export const parameterInvalid = (path: string, label: string) =>
  new AppError('PARAMETER_INVALID', 400, `参数“${label}”应为 0 至 1 万亿之间的数`, { field: path });
export const parameterBandsOrder = (tables: string[]) =>
  new AppError('PARAMETER_BANDS_ORDER', 400, `修正后“${tables.join('”“')}”的各档次序不对：高分档的门槛须比低分档更严格，得分须更高`, {
    tables,
  });

const thousands = (n: number) => n.toLocaleString('zh-CN');

export function evaluationRunActive(run: { id: string; processed: number; total: number } | undefined): AppError {
  const progress = run ? `（已处理 ${thousands(run.processed)} / ${thousands(run.total)} 家）` : '';
  return new AppError('EVALUATION_RUN_ACTIVE', 409, `该范围的批量评价正在进行${progress}，请等待完成后再运行`, { runId: run?.id });
}

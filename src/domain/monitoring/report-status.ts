// Labels of monthly reports (月报): statuses, survey answers, and the Chinese name of every field of
// the API. Check messages, the import's columns and the web form all use these names.

export const REPORT_STATUSES = ['needs_explanation', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  needs_explanation: '待说明',
  accepted: '已通过',
  returned: '已退回',
};

/** The status label, or 未上报 when there is no report. */
export const reportStatusLabel = (status: string | null | undefined): string =>
  status && Object.hasOwn(REPORT_STATUS_LABELS, status) ? REPORT_STATUS_LABELS[status as ReportStatus] : '未上报';

export const SURVEY_ANSWERS = ['up', 'flat', 'down'] as const;
export type SurveyAnswer = (typeof SURVEY_ANSWERS)[number];
export const SURVEY_LABELS: Record<SurveyAnswer, string> = { up: '增加', flat: '持平', down: '减少' };

export const SURVEY_ITEMS = ['orders', 'employment', 'financing'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];
export const SURVEY_ITEM_LABELS: Record<SurveyItem, string> = { orders: '订单', employment: '用工', financing: '融资需求' };

/** The numeric fields of a report, in the order of the form. */
export const REPORT_NUMBER_FIELDS = [
  'revenueMonth',
  'revenueYtd',
  'profitYtd',
  'outputYtd',
  'employees',
  'rdExpenseYtd',
  'exportYtd',
  'taxYtd',
  'electricityYtd',
  'newOrders',
] as const;
export type ReportNumberField = (typeof REPORT_NUMBER_FIELDS)[number];

/** Amount fields in whole yuan (the web and the import enter them in 万元). */
export const REPORT_AMOUNT_FIELDS: readonly ReportNumberField[] = [
  'revenueMonth',
  'revenueYtd',
  'profitYtd',
  'outputYtd',
  'rdExpenseYtd',
  'exportYtd',
  'taxYtd',
  'newOrders',
];

/** The unit each numeric field is entered in by people: 万元, 万千瓦时 (electricity), 人. */
export const REPORT_FIELD_UNITS: Record<ReportNumberField, 'wan_yuan' | 'wan_kwh' | 'persons'> = {
  revenueMonth: 'wan_yuan',
  revenueYtd: 'wan_yuan',
  profitYtd: 'wan_yuan',
  outputYtd: 'wan_yuan',
  employees: 'persons',
  rdExpenseYtd: 'wan_yuan',
  exportYtd: 'wan_yuan',
  taxYtd: 'wan_yuan',
  electricityYtd: 'wan_kwh',
  newOrders: 'wan_yuan',
};

/** The Chinese name of every field of the report API. */
export const REPORT_FIELD_LABELS: Record<string, string> = {
  revenueMonth: '营业收入（当月）',
  revenueYtd: '营业收入（累计）',
  profitYtd: '利润总额（累计）',
  outputYtd: '工业总产值（累计）',
  employees: '从业人员（期末）',
  rdExpenseYtd: '研发费用（累计）',
  exportYtd: '出口额（累计）',
  taxYtd: '应交税金（累计）',
  electricityYtd: '用电量（累计）',
  newOrders: '新签订单额（当月）',
  'survey.orders': '订单情况',
  'survey.employment': '用工情况',
  'survey.financing': '融资需求',
  suggestions: '问题与建议',
  explanations: '情况说明',
};

/** Actions recorded in a report's versions. */
export const REPORT_ACTION_LABELS: Record<string, string> = {
  submit: '提交',
  revise: '修改',
  accept: '审核通过',
  return: '退回',
  import: '导入',
};
export const reportActionLabel = (action: string): string => REPORT_ACTION_LABELS[action] ?? '其他操作';

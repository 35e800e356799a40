// The columns of the monthly reports' xlsx (月报导入模板, import and export): the report's fields in
// 万元 / 万千瓦时 / 人, the survey items, 问题与建议 and one 说明 column for the soft checks' explanations.
import {
  REPORT_FIELD_LABELS,
  REPORT_FIELD_UNITS,
  type ReportNumberField,
  SURVEY_ITEM_LABELS,
  type SurveyAnswer,
  type SurveyItem,
} from '../../domain/monitoring/report-status.js';
import { headerMatcher, type ImportColumn } from '../enterprises/import/columns.js';

/** The report fields a column holds (the API's field names). */
export type ReportColumnKey =
  | 'uscc'
  | 'name'
  | 'revenueMonth'
  | 'revenueYtd'
  | 'profitYtd'
  | 'outputYtd'
  | 'employees'
  | 'rdExpenseYtd'
  | 'exportYtd'
  | 'taxYtd'
  | 'electricityYtd'
  | 'newOrders'
  | 'survey.orders'
  | 'survey.employment'
  | 'survey.financing'
  | 'suggestions'
  | 'explanation';

export type ReportColumnKind = 'uscc' | 'text' | 'amount' | 'energy' | 'count' | 'survey';

export interface ReportColumn {
  key: ReportColumnKey;
  /** The header of the template and the export (with its unit). */
  header: string;
  kind: ReportColumnKind;
  aliases: string[];
}

const UNIT_TEXT = { wan_yuan: '万元', wan_kwh: '万千瓦时', persons: '人' } as const;
/** A numeric field's header: its label (REPORT_FIELD_LABELS) and the unit it is entered in. */
const numberHeader = (field: ReportNumberField) => `${REPORT_FIELD_LABELS[field]}（${UNIT_TEXT[REPORT_FIELD_UNITS[field]]}）`;
const numberColumn = (field: ReportNumberField, aliases: string[]): ReportColumn => ({
  key: field,
  header: numberHeader(field),
  kind: field === 'employees' ? 'count' : field === 'electricityYtd' ? 'energy' : 'amount',
  // The label without its unit is read as 万元 (or 人) too.
  aliases: [REPORT_FIELD_LABELS[field], ...aliases],
});
const surveyColumn = (item: SurveyItem, aliases: string[]): ReportColumn => ({
  key: `survey.${item}`,
  header: REPORT_FIELD_LABELS[`survey.${item}`],
  kind: 'survey',
  aliases: [SURVEY_ITEM_LABELS[item], `${SURVEY_ITEM_LABELS[item]}（增加/持平/减少）`, ...aliases],
});

export const REPORT_COLUMNS: ReportColumn[] = [
  { key: 'uscc', header: '统一社会信用代码', kind: 'uscc', aliases: ['信用代码', '社会信用代码', '统一代码'] },
  { key: 'name', header: '企业名称', kind: 'text', aliases: ['单位名称', '企业全称', '名称'] },
  numberColumn('revenueMonth', ['当月营业收入', '营业收入本月']),
  numberColumn('revenueYtd', ['累计营业收入', '营业收入']),
  numberColumn('profitYtd', ['累计利润总额', '利润总额']),
  numberColumn('outputYtd', ['累计工业总产值', '工业总产值']),
  numberColumn('employees', ['期末从业人员', '从业人员', '从业人数']),
  numberColumn('rdExpenseYtd', ['累计研发费用', '研发费用']),
  numberColumn('exportYtd', ['累计出口额', '出口额']),
  numberColumn('taxYtd', ['累计应交税金', '应交税金', '应交税费']),
  numberColumn('electricityYtd', ['累计用电量', '用电量', '累计用电量万千瓦时']),
  numberColumn('newOrders', ['当月新签订单额', '新签订单额']),
  surveyColumn('orders', []),
  surveyColumn('employment', []),
  surveyColumn('financing', ['融资需求情况']),
  { key: 'suggestions', header: REPORT_FIELD_LABELS.suggestions, kind: 'text', aliases: ['存在问题与建议', '问题和建议', '意见建议'] },
  { key: 'explanation', header: '说明', kind: 'text', aliases: [REPORT_FIELD_LABELS.explanations, '异常说明', '审核说明'] },
];

/** A column's width in the workbooks (its header, within reason). */
export const reportColumnWidth = (c: ReportColumn) => Math.max(12, Math.min(40, c.header.length * 2 + 2));

/** The column of a field; checks name a field (runChecks' `field`), errors name its column. */
export function columnOf(field: string): ReportColumn | undefined {
  return REPORT_COLUMNS.find((c) => c.key === field || c.key === `survey.${field}`);
}

/** Survey answers as offices write them (SURVEY_LABELS and a few synonyms). */
export const SURVEY_BY_TEXT = new Map<string, SurveyAnswer>([
  ['增加', 'up'],
  ['增长', 'up'],
  ['上升', 'up'],
  ['持平', 'flat'],
  ['不变', 'flat'],
  ['减少', 'down'],
  ['下降', 'down'],
  ['up', 'up'],
  ['flat', 'flat'],
  ['down', 'down'],
]);

/** The header row matched against these columns (the registry import's matcher: units and brackets folded). */
export const matchReportHeaders = headerMatcher(REPORT_COLUMNS as unknown as ImportColumn[]);

import { z } from 'zod';
import { checkPhone } from '../../domain/field-rules.js';
import { VISIT_FORMS } from '../../domain/labels.js';
import { paging, text, uuid } from '../../server/validation.js';
import { username } from '../auth/auth.schemas.js';
import { fileInfo } from '../files/files.schemas.js';

// Every request and response of the experts routes (专家库, assignments, visits).

// The forms of a visit and their labels live with the other labels (src/domain/labels.ts), which the web bundles.
export { VISIT_FORM_LABELS, VISIT_FORMS, type VisitForm } from '../../domain/labels.js';

export const ASSIGNMENT_KIND_LABELS = { enterprise: '点对点', district: '按区县' } as const;
export type AssignmentKind = keyof typeof ASSIGNMENT_KIND_LABELS;

const phone = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = checkPhone(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });
const districtCode = z.string().trim().min(1, '不能为空').max(16, '不是有效的区县代码');
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const expertParams = z.strictObject({ id: uuid() });
export const conflictParams = z.strictObject({ id: uuid(), enterpriseId: uuid() });
export const assignmentParams = z.strictObject({ id: uuid(), assignmentId: uuid() });
export const enterpriseParams = z.strictObject({ id: uuid() });

export const expertListQuery = z.strictObject({
  q: text(50).optional().describe('姓名或单位的任意部分'),
  industry: z
    .string()
    .regex(/^\d{2}$/, '应为两位国民经济行业大类代码')
    .optional(),
  district: districtCode.optional().describe('服务区县'),
  ...paging,
});
export type ExpertListQuery = z.infer<typeof expertListQuery>;

const expertFields = {
  name: text(50),
  industryCode: z.string().regex(/^\d{2}$/, '应为两位国民经济行业大类代码，如 "39"'),
  organization: text(100),
  districtCodes: z.array(districtCode).max(60, '服务区县不能超过 60 个').default([]),
  contactPhone: phone.nullable().optional(),
};

export const createExpertBody = z.strictObject({
  ...expertFields,
  /** A login of role expert for the new entry (the password is changed at the first login). */
  account: z.strictObject({ username, password: z.string().max(128, '不能超过 128 个字符') }).optional(),
});
export type CreateExpertInput = z.infer<typeof createExpertBody>;

export const updateExpertBody = z.strictObject({ version: z.number().int().positive(), ...expertFields });
export type UpdateExpertInput = z.infer<typeof updateExpertBody>;

export const createAccountBody = z.strictObject({ username, password: z.string().max(128, '不能超过 128 个字符') });

export const conflictBody = z.strictObject({ enterpriseId: uuid(), reason: text(200) });

export const assignmentBody = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('enterprise').describe('点对点：一位专家服务一家“小巨人”企业'), enterpriseId: uuid() }),
    z.strictObject({ kind: z.literal('district').describe('按区县：服务该区县全部专精特新中小企业'), districtCode }),
  ],
  { error: '分配方式应为点对点（enterprise）或按区县（district）' },
);
export type AssignmentInput = z.infer<typeof assignmentBody>;

export const visitBody = z.strictObject({
  visitedOn: isoDate,
  form: z.enum(VISIT_FORMS, '服务方式应为现场、线上或电话'),
  topic: text(100),
  advice: text(4000),
  followUp: text(2000).nullable().optional(),
  fileIds: z.array(uuid()).max(20, '附件不能超过 20 个').default([]),
});
export type VisitInput = z.infer<typeof visitBody>;

// ---- responses ----

const districtRef = z.object({ code: z.string(), name: z.string() });

export const expertListItem = z.object({
  id: z.string(),
  name: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  organization: z.string(),
  districts: z.array(districtRef),
  contactPhone: z.string().nullable(),
  username: z.string().nullable(),
  accountDisabled: z.boolean().nullable(),
  enterpriseAssignments: z.number(),
  districtAssignments: z.array(districtRef),
  conflicts: z.number(),
  version: z.number(),
});
export type ExpertListItem = z.infer<typeof expertListItem>;
export const expertPage = z.object({ items: z.array(expertListItem), total: z.number() });

export const conflictItem = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  reason: z.string(),
  createdAt: z.date(),
});

export const assignmentItem = z.object({
  id: z.string(),
  kind: z.enum(['enterprise', 'district']),
  kindLabel: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  createdAt: z.date(),
});
export type AssignmentItem = z.infer<typeof assignmentItem>;

export const expertDetail = expertListItem
  .omit({ enterpriseAssignments: true, districtAssignments: true, conflicts: true })
  .extend({ conflicts: z.array(conflictItem), assignments: z.array(assignmentItem) });
export type ExpertDetail = z.infer<typeof expertDetail>;

export const assignmentResult = z.object({ assignment: assignmentItem });
export const conflictResult = z.object({
  conflict: conflictItem,
  /** The point-to-point assignment the conflict ended, if there was one. */
  removedAssignment: z.boolean(),
});

export const visitItem = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  expertName: z.string(),
  expertOrganization: z.string(),
  visitedOn: z.string(),
  form: z.enum(VISIT_FORMS),
  formLabel: z.string(),
  topic: z.string(),
  advice: z.string(),
  followUp: z.string().nullable(),
  createdAt: z.date(),
  files: z.array(fileInfo),
});
export type VisitItem = z.infer<typeof visitItem>;
export const visitList = z.object({ items: z.array(visitItem) });

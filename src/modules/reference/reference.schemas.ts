// Every request and response schema of the reference routes (参考数据).
import { z } from 'zod';
import { errorBody, text } from '../../server/validation.js';

export const CLUSTER_CATEGORIES = ['leading', 'pillar', 'featured', 'rising'] as const;

export const district = z.object({ code: z.string(), name: z.string(), kind: z.string(), sortOrder: z.number() });
export const industry = z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() });
export const cluster = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
});

const clusterFields = {
  name: text(50),
  category: z.enum(CLUSTER_CATEGORIES, '集群类别不正确'),
  sortOrder: z.number().int().min(0).max(10_000),
  active: z.boolean(),
  note: text(200).nullable().optional(),
};
export const createClusterBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{1,8}$/, '代码为 1～8 位大写字母或数字'),
  ...clusterFields,
});
export const clusterParams = z.strictObject({ code: z.string().max(8) });
export const updateClusterBody = z.strictObject({ version: z.number().int().positive(), ...z.object(clusterFields).partial().shape });

export type District = z.infer<typeof district>;
export type Industry = z.infer<typeof industry>;
export type Cluster = z.infer<typeof cluster>;
export type ClusterInput = z.infer<typeof createClusterBody>;

export const referenceErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
export const unauthenticatedOnly = { 401: errorBody };
export const districtList = z.array(district);
export const industryList = z.array(industry);
export const clusterList = z.array(cluster);

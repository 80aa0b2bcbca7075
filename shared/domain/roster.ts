import { z } from 'zod';
import { idSchema, recordBase, shortText, dateSchema } from './common';

/** 党代会 — one congress term, e.g. 中国共产党某某县第十五次代表大会. */
export const congressSchema = z.object({
  ...recordBase,
  name: shortText.min(1, '请填写党代会名称'),
  /** 届次, e.g. 15 for 第十五届 */
  term: z.number().int().min(1).max(99),
  region: shortText.optional(),
  termStart: dateSchema.optional(),
  termEnd: dateSchema.optional(),
  /** Base64 Ed25519 public key of the office (the sync trust root); set by the sync issue. */
  officePublicKey: z.string().optional(),
});
export type Congress = z.infer<typeof congressSchema>;

/** 代表团 — delegation, by electoral unit. */
export const delegationSchema = z.object({
  ...recordBase,
  name: shortText.min(1),
  sortOrder: z.number().int().default(0),
});
export type Delegation = z.infer<typeof delegationSchema>;

/** 活动组 — activity group used in the recess. */
export const activityGroupSchema = z.object({
  ...recordBase,
  name: shortText.min(1),
  leaderDelegateId: idSchema.optional(),
  sortOrder: z.number().int().default(0),
});
export type ActivityGroup = z.infer<typeof activityGroupSchema>;

export const genderSchema = z.enum(['male', 'female']);

/** 党代表 */
export const delegateSchema = z.object({
  ...recordBase,
  name: shortText.min(1, '请填写姓名'),
  gender: genderSchema.optional(),
  /** 代表证号 — unique within the congress */
  delegateNumber: shortText.min(1, '请填写代表证号'),
  delegationId: idSchema.optional(),
  activityGroupId: idSchema.optional(),
  /** 工作单位及职务 */
  workplace: shortText.optional(),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, '电话号码格式不正确').optional(),
  /** 在任 / 终止代表资格 */
  status: z.enum(['active', 'ended']).default('active'),
  /** Base64 Ed25519 public key of this delegate's device, bound by the office's signed roster (sync issue). */
  devicePublicKey: z.string().optional(),
});
export type Delegate = z.infer<typeof delegateSchema>;

/** 常任办 / 联络组 staff */
export const staffSchema = z.object({
  ...recordBase,
  name: shortText.min(1),
  title: shortText.optional(),
  devicePublicKey: z.string().optional(),
});
export type Staff = z.infer<typeof staffSchema>;

/** 承办单位 — a county department that replies to assigned proposals. */
export const handlingUnitSchema = z.object({
  ...recordBase,
  name: shortText.min(1),
  contactName: shortText.optional(),
  contactPhone: shortText.optional(),
  sortOrder: z.number().int().default(0),
  active: z.boolean().default(true),
});
export type HandlingUnit = z.infer<typeof handlingUnitSchema>;

/** 类别 — configurable list. */
export const categorySchema = z.object({
  ...recordBase,
  name: shortText.min(1),
  sortOrder: z.number().int().default(0),
});
export type Category = z.infer<typeof categorySchema>;

export const DEFAULT_CATEGORIES = ['党的建设', '经济发展', '乡村振兴', '城乡建设与生态环境', '教科文卫', '社会民生', '政法', '其他'] as const;

const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'invalid public key');

/**
 * 设备绑定 — the office binds a device's keys to a delegate or staff member. The office's own bindings travel
 * in the congress profile (the trust root); later ones are published in the office's signed bundles.
 * The record id is the device id. Revoking a device is a tombstone.
 */
export const deviceBindingSchema = z.object({
  ...recordBase,
  role: z.enum(['office', 'delegate']),
  actorId: idSchema,
  actorName: shortText.optional(),
  signPublicKey: publicKeySchema,
  boxPublicKey: publicKeySchema,
  /** Six digits shown on both screens at enrolment, "123 456" */
  fingerprint: z.string().regex(/^\d{3} \d{3}$/),
});
export type DeviceBinding = z.infer<typeof deviceBindingSchema>;

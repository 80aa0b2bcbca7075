import { z } from 'zod';
import { idSchema, recordBase, shortText } from './common';

/** Congress-wide settings published by the office (one row, id = congress id). */
export const congressSettingsSchema = z.object({
  ...recordBase,
  /** 附议 minimum during the annual meeting (typically 10 delegates) */
  minCosignersMeeting: z.number().int().min(0).default(9),
  /** 附议 minimum during the recess (1 lead + 5) */
  minCosignersRecess: z.number().int().min(0).default(5),
  /** 意见建议 may be filed by one delegate alone */
  minCosignersSuggestion: z.number().int().min(0).default(0),
  cosignDeadlineDays: z.number().int().min(1).default(7),
  /** 办理期限 in months */
  handlingMonths: z.number().int().min(1).default(3),
  rehandlingMonths: z.number().int().min(1).default(1),
  returnWindowWorkingDays: z.number().int().min(1).default(7),
  consultationWorkingDays: z.number().int().min(1).default(15),
  nearDeadlineDays: z.number().int().min(1).default(15),
  allowClassD: z.boolean().default(false),
  rejectionReasons: z.array(z.object({ code: z.string().min(1), label: shortText.min(1) })).default([
    { code: 'personal', label: '涉及个人私事' },
    { code: 'litigation', label: '涉及诉讼或司法程序' },
    { code: 'secret', label: '涉及国家秘密' },
    { code: 'empty', label: '内容空泛，无具体建议' },
    { code: 'outOfScope', label: '不属于本级党委职权范围' },
  ]),
  /**
   * 立案编号专用电脑: the office device (its device id) that alone gives 立案 numbers, so two staff machines never
   * hand out the same number. Unset: the machine that created the congress (see docs/lifecycle.md "Numbering").
   */
  numberingDeviceId: idSchema.optional(),
  /**
   * 视察照片原图: false (default) keeps each photo's original on the delegate's laptop and syncs only the resized
   * copy; true syncs the original as well (large sync folders).
   */
  syncPhotoOriginals: z.boolean().default(false),
});
export type CongressSettings = z.infer<typeof congressSettingsSchema>;

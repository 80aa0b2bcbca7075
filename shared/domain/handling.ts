import { z } from 'zod';
import { idSchema, recordBase, shortText, longText, dateTimeSchema, dateSchema } from './common';

/**
 * 交办 — assigning an accepted proposal to handling units.
 *  - lead:  主办 + 协办 units, one reply by the lead unit
 *  - split: 分办, each unit replies
 */
export const handlingModeSchema = z.enum(['lead', 'split']);

export const handlingAssignmentSchema = z.object({
  ...recordBase,
  proposalId: idSchema,
  mode: handlingModeSchema,
  leadUnitId: idSchema.optional(),
  coUnitIds: z.array(idSchema).default([]),
  /** 分办 units, each replying */
  splitUnitIds: z.array(idSchema).default([]),
  assignedAt: dateTimeSchema,
  /** 办理期限 */
  deadline: dateSchema,
  extensions: z.array(z.object({ newDeadline: dateSchema, reason: longText.min(1), at: dateTimeSchema, by: idSchema })).default([]),
  /** 退回: a unit returned a wrong assignment within 7 working days */
  returned: z.object({ unitId: idSchema, reason: longText.min(1), at: dateTimeSchema }).optional(),
  /** Round of handling: 1 for the first, 2+ for 重新办理 */
  round: z.number().int().min(1).default(1),
});
export type HandlingAssignment = z.infer<typeof handlingAssignmentSchema>;

/** 办前面商 — contact with the lead author before replying. */
export const consultationSchema = z.object({
  ...recordBase,
  proposalId: idSchema,
  unitId: idSchema,
  date: dateSchema,
  form: z.enum(['faceToFace', 'phone', 'meeting']), // 面谈 / 电话 / 座谈会
  notes: longText,
});
export type Consultation = z.infer<typeof consultationSchema>;

/** 答复 result class: A 已解决或采纳, B 正在解决或列入计划, C 留作参考, D (optional setting). */
export const replyClassSchema = z.enum(['A', 'B', 'C', 'D']);
export type ReplyClass = z.infer<typeof replyClassSchema>;

export const replySchema = z.object({
  ...recordBase,
  proposalId: idSchema,
  assignmentId: idSchema,
  unitId: idSchema,
  round: z.number().int().min(1),
  text: longText,
  /** 文号 */
  documentNumber: shortText.optional(),
  signer: shortText.optional(),
  repliedOn: dateSchema,
  resultClass: replyClassSchema,
  /** A 已采纳 items */
  adoptedItems: z.array(shortText).default([]),
  /** B 列入计划 items; optional (no default) so rows written before it existed read back unchanged */
  plannedItems: z.array(shortText).optional(),
});
export type Reply = z.infer<typeof replySchema>;

/** 满意度测评 by the lead author. */
export const satisfactionSchema = z.enum(['satisfied', 'basicallySatisfied', 'unsatisfied']);
export type Satisfaction = z.infer<typeof satisfactionSchema>;

export const replyRatingSchema = z.object({
  ...recordBase,
  proposalId: idSchema,
  replyId: idSchema,
  delegateId: idSchema,
  /** Overall rating; drives 办结 or 重新办理 */
  overall: satisfactionSchema,
  handlingWork: satisfactionSchema.optional(),
  result: satisfactionSchema.optional(),
  comment: longText.optional(),
});
export type ReplyRating = z.infer<typeof replyRatingSchema>;

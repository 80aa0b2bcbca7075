import { z } from 'zod';
import { idSchema, recordBase, shortText, longText, dateTimeSchema } from './common';

/**
 * The proposal family:
 *  - motion     提案      filed for an annual meeting (年会)
 *  - proposal   提议      filed during the recess (闭会期间)
 *  - suggestion 意见建议  filed during the recess, or a motion converted at review (转为意见建议)
 */
export const proposalKindSchema = z.enum(['motion', 'proposal', 'suggestion']);
export type ProposalKind = z.infer<typeof proposalKindSchema>;

/** Lifecycle states; transitions live in shared/lifecycle. */
export const proposalStatusSchema = z.enum([
  'draft', //              草稿
  'collecting', //         征集附议
  'submitted', //          已提交 (queued until synced)
  'received', //           已接收
  'inReview', //           审查中 (预审 done, awaiting the committee)
  'accepted', //           立案 (numbered, awaiting 交办)
  'merged', //             并案 (into another proposal)
  'rejected', //           不予立案
  'assigned', //           已交办, being handled
  'replied', //            已答复, awaiting the author's rating
  'rehandling', //         重新办理 after 不满意
  'closed', //             办结
  'withdrawn', //          撤回
]);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/** 审查决定 */
export const reviewDecisionKindSchema = z.enum(['accept', 'merge', 'convert', 'reject']);
export type ReviewDecisionKind = z.infer<typeof reviewDecisionKindSchema>;

export const reviewDecisionSchema = z.object({
  decision: reviewDecisionKindSchema,
  /** 不予立案 reason code from the configurable list (settings.rejectionReasons) */
  reasonCode: z.string().optional(),
  reasonText: longText.optional(),
  /** 并案: the proposal this one was merged into */
  mergedIntoId: idSchema.optional(),
  decidedBy: idSchema,
  decidedAt: dateTimeSchema,
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const proposalSchema = z.object({
  ...recordBase,
  kind: proposalKindSchema,
  /** 年会 the motion is filed for; absent for recess items */
  meetingId: idSchema.optional(),
  /** 案由 */
  title: shortText,
  categoryId: idSchema.optional(),
  /** 情况/理由 */
  background: longText,
  /** 建议/办法 */
  recommendations: longText,
  /** 建议承办单位 */
  suggestedUnitIds: z.array(idSchema).default([]),
  /** 领衔人 */
  leadDelegateId: idSchema,
  /** 附议人 invited; each confirms on their own device (see cosignatures) */
  invitedCosignerIds: z.array(idSchema).default([]),
  cosignDeadline: dateTimeSchema.optional(),
  /** Where it came from, e.g. an inspection visit */
  sourceVisitId: idSchema.optional(),
  status: proposalStatusSchema,
  /** Official number for the meeting (第N号), given only by the office at 立案 */
  number: z.number().int().positive().optional(),
  review: reviewDecisionSchema.optional(),
  submittedAt: dateTimeSchema.optional(),
  receivedAt: dateTimeSchema.optional(),
  /** 重点提案 */
  isKey: z.boolean().default(false),
  /** 重点督办 */
  isSupervised: z.boolean().default(false),
});
export type Proposal = z.infer<typeof proposalSchema>;

/** A proposal's required fields at submission, with the message shown beside each field. */
export const proposalSubmissionSchema = proposalSchema.extend({
  title: shortText.min(4, '案由至少 4 个字'),
  categoryId: z.string({ error: '请选择类别' }).min(1, '请选择类别'),
  background: longText.min(10, '情况/理由至少 10 个字'),
  recommendations: longText.min(10, '建议/办法至少 10 个字'),
});

/** 附议 — one row per (proposal, co-signer), written only by that co-signer's device. */
export const cosignatureSchema = z.object({
  ...recordBase,
  proposalId: idSchema,
  delegateId: idSchema,
  status: z.enum(['confirmed', 'declined']),
  respondedAt: dateTimeSchema,
});
export type Cosignature = z.infer<typeof cosignatureSchema>;

/** Attachment metadata; the bytes live in the blobs table, keyed by SHA-256. */
export const attachmentSchema = z.object({
  ...recordBase,
  /** visit: the office's materials for a 视察; visitNote: a delegate's photo, owned by their 视察参加记录 */
  ownerEntity: z.enum(['proposal', 'reply', 'visit', 'visitNote', 'notice', 'noticeReply']),
  ownerId: idSchema,
  fileName: shortText.min(1),
  mimeType: shortText,
  size: z.number().int().nonnegative(),
  /** hex SHA-256 of the content */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  caption: shortText.optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

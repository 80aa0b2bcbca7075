import { z } from 'zod';
import { idSchema, recordBase, shortText, longText, dateTimeSchema } from './common';

/** 重大事项通报 / 征求意见 */
export const noticeSchema = z.object({
  ...recordBase,
  kind: z.enum(['briefing', 'consultation']),
  title: shortText.min(1),
  body: longText,
  audience: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('groups'), activityGroupIds: z.array(idSchema).min(1) }),
    z.object({ kind: z.literal('list'), delegateIds: z.array(idSchema).min(1) }),
  ]),
  publishedAt: dateTimeSchema.optional(),
  repliesDueAt: dateTimeSchema.optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeReceiptSchema = z.object({
  ...recordBase,
  noticeId: idSchema,
  delegateId: idSchema,
  readAt: dateTimeSchema.optional(),
  reply: longText.optional(),
  repliedAt: dateTimeSchema.optional(),
});
export type NoticeReceipt = z.infer<typeof noticeReceiptSchema>;

import { z } from 'zod';
import { idSchema, recordBase, shortText, longText, dateSchema, dateTimeSchema } from './common';

/** 年会 — annual meeting of the congress (e.g. 第十五届第三次). */
export const annualMeetingSchema = z.object({
  ...recordBase,
  congressId: idSchema,
  /** 第N次 (会议) within the term */
  session: z.number().int().min(1).max(20),
  name: shortText.min(1),
  startDate: dateSchema,
  endDate: dateSchema,
  /** 提案截止时间: after it, new items are recess suggestions */
  proposalDeadline: dateTimeSchema,
});
export type AnnualMeeting = z.infer<typeof annualMeetingSchema>;

/** 议程: 审议工作报告 / 专题发言 / 票决 */
export const agendaItemSchema = z.object({
  ...recordBase,
  meetingId: idSchema,
  kind: z.enum(['reportReview', 'speech', 'vote', 'other']),
  title: shortText.min(1),
  sortOrder: z.number().int().default(0),
  vote: z
    .object({
      for: z.number().int().nonnegative(),
      against: z.number().int().nonnegative(),
      abstain: z.number().int().nonnegative(),
      /** 到会代表人数, when recorded: the majority is counted against it (shared/meetings/agendaRules.ts) */
      present: z.number().int().nonnegative().optional(),
      outcome: z.enum(['passed', 'failed']),
    })
    .optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** 决议 */
export const resolutionSchema = z.object({
  ...recordBase,
  meetingId: idSchema,
  title: shortText.min(1),
  text: longText,
  adoptedOn: dateSchema.optional(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

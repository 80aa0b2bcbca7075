import { z } from 'zod';
import { idSchema, recordBase, shortText, longText, dateTimeSchema } from './common';

/** 评议 rounds: 民主评议 of bodies / members, 述职评议, satisfaction with handling, or custom. */
export const evaluationScaleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grades'), options: z.array(shortText.min(1)).min(2) }), // 优秀/称职/基本称职/不称职
  z.object({ kind: z.literal('score'), min: z.number().int(), max: z.number().int() }),
]);

export const DEFAULT_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export const SATISFACTION_GRADES = ['满意', '基本满意', '不满意'] as const;

export const evaluationRoundSchema = z.object({
  ...recordBase,
  kind: z.enum(['democratic', 'reporting', 'handlingSatisfaction', 'custom']),
  title: shortText.min(1),
  subjects: z.array(z.object({ id: z.string().min(1), name: shortText.min(1), description: shortText.optional() })).min(1),
  criteria: z.array(shortText).default([]),
  scale: evaluationScaleSchema,
  voters: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('groups'), activityGroupIds: z.array(idSchema).min(1) }),
    z.object({ kind: z.literal('list'), delegateIds: z.array(idSchema).min(1) }),
  ]),
  opensAt: dateTimeSchema,
  closesAt: dateTimeSchema,
  status: z.enum(['draft', 'open', 'closed', 'published']).default('draft'),
});
export type EvaluationRound = z.infer<typeof evaluationRoundSchema>;

/**
 * A ballot. It travels encrypted to the office and is never shown with the voter's name; only tallies
 * are displayed. The latest ballot of a voter in an open round counts.
 */
export const ballotSchema = z.object({
  ...recordBase,
  roundId: idSchema,
  voterId: idSchema,
  answers: z.array(z.object({ subjectId: z.string().min(1), grade: shortText.optional(), score: z.number().optional() })),
  comment: longText.optional(),
  submittedAt: dateTimeSchema.optional(),
});
export type Ballot = z.infer<typeof ballotSchema>;

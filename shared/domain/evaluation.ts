import { z } from 'zod';
import { idSchema, recordBase, shortText, longText, dateTimeSchema } from './common';

/** 评议 rounds: 民主评议 of bodies / members, 述职评议, satisfaction with handling, or custom. */
export const evaluationScaleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grades'), options: z.array(shortText.min(1)).min(2) }), // 优秀/称职/基本称职/不称职
  z.object({ kind: z.literal('score'), min: z.number().int(), max: z.number().int() }),
]);
export type EvaluationScale = z.infer<typeof evaluationScaleSchema>;

export const DEFAULT_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export const SATISFACTION_GRADES = ['满意', '基本满意', '不满意'] as const;

/** One option of a grades scale in a published result: how many chose it, and its share of the answers. */
export const gradeCountSchema = z.object({
  option: shortText.min(1),
  count: z.number().int().min(0),
  share: z.number().min(0).max(1),
});

/** A band of a score scale (from ≤ score ≤ to) in a published result. */
export const scoreBandSchema = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int().min(0),
  share: z.number().min(0).max(1),
});

/**
 * The tally of one question of a ballot (a subject, or a subject under one criterion when criteria are rated
 * one by one): aggregates only — no voter, no ballot.
 */
export const questionTallySchema = z.object({
  subjectId: z.string().min(1),
  criterion: shortText.optional(),
  /** Counted ballots that answer this question */
  answered: z.number().int().min(0),
  grades: z.array(gradeCountSchema).optional(),
  score: z
    .object({
      mean: z.number().optional(),
      median: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      bands: z.array(scoreBandSchema),
    })
    .optional(),
});
export type QuestionTally = z.infer<typeof questionTallySchema>;

/**
 * 评议结果 as the office publishes it on the round (office-written, so every member receives it): turnout counts
 * and the tallies. Never the voters' names, never a ballot, never the comments.
 */
export const evaluationResultsSchema = z.object({
  publishedAt: dateTimeSchema,
  eligible: z.number().int().min(0),
  voted: z.number().int().min(0),
  questions: z.array(questionTallySchema),
});
export type EvaluationResults = z.infer<typeof evaluationResultsSchema>;

export const evaluationRoundSchema = z.object({
  ...recordBase,
  kind: z.enum(['democratic', 'reporting', 'handlingSatisfaction', 'custom']),
  title: shortText.min(1),
  subjects: z.array(z.object({ id: z.string().min(1), name: shortText.min(1), description: shortText.optional() })).min(1),
  criteria: z.array(shortText).default([]),
  /** true: every subject is rated under each criterion (德、能、勤、绩、廉 one by one); otherwise the criteria guide one overall rating */
  rateCriteria: z.boolean().optional(),
  scale: evaluationScaleSchema,
  voters: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('groups'), activityGroupIds: z.array(idSchema).min(1) }),
    z.object({ kind: z.literal('list'), delegateIds: z.array(idSchema).min(1) }),
  ]),
  opensAt: dateTimeSchema,
  closesAt: dateTimeSchema,
  status: z.enum(['draft', 'open', 'closed', 'published']).default('draft'),
  /** Set when the office publishes the results (status 'published'): tallies only */
  results: evaluationResultsSchema.optional(),
});
export type EvaluationRound = z.infer<typeof evaluationRoundSchema>;
export type EvaluationKind = EvaluationRound['kind'];
export type EvaluationStatus = EvaluationRound['status'];

/**
 * A ballot. It travels encrypted to the office and is never shown with the voter's name; only tallies
 * are displayed. The latest ballot of a voter in an open round counts.
 */
export const ballotSchema = z.object({
  ...recordBase,
  roundId: idSchema,
  voterId: idSchema,
  answers: z.array(
    z.object({
      subjectId: z.string().min(1),
      /** The criterion answered, when the round rates criteria one by one */
      criterion: shortText.optional(),
      grade: shortText.optional(),
      score: z.number().optional(),
    }),
  ),
  comment: longText.optional(),
  submittedAt: dateTimeSchema.optional(),
});
export type Ballot = z.infer<typeof ballotSchema>;

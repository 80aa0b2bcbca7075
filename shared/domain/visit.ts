import { z } from 'zod';
import { idSchema, recordBase, shortText, longText, dateSchema, dateTimeSchema } from './common';

/** 视察 / 调研 — planned by the office. */
export const visitSchema = z.object({
  ...recordBase,
  kind: z.enum(['inspection', 'research']),
  topic: shortText.min(1),
  sites: z.array(shortText).default([]),
  startDate: dateSchema,
  endDate: dateSchema,
  organisingGroupId: idSchema.optional(),
  invitedDelegateIds: z.array(idSchema).default([]),
  agenda: longText.optional(),
  status: z.enum(['planned', 'closed']).default('planned'),
  /** 视察报告 written by the office */
  summary: longText.optional(),
});
export type Visit = z.infer<typeof visitSchema>;

/** A delegate's own record of a visit: reply to the invitation, check-in, notes. */
export const visitParticipationSchema = z.object({
  ...recordBase,
  visitId: idSchema,
  delegateId: idSchema,
  response: z.enum(['accepted', 'declined']).optional(),
  checkedInAt: dateTimeSchema.optional(),
  notes: longText.default(''),
});
export type VisitParticipation = z.infer<typeof visitParticipationSchema>;

export const visitPhotoSchema = z.object({
  ...recordBase,
  visitId: idSchema,
  delegateId: idSchema,
  /** The resized copy that travels by sync; the original may stay local */
  attachmentId: idSchema,
  /** Set only when the congress syncs originals (settings.syncPhotoOriginals): the original as an attachment too */
  originalAttachmentId: idSchema.optional(),
  /**
   * The full-size original, kept in this machine's blob store only (no attachment row, so the exporter never
   * publishes it); other machines see that an original exists but never receive it.
   */
  originalSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  caption: shortText.default(''),
  takenAt: dateTimeSchema.optional(),
});
export type VisitPhoto = z.infer<typeof visitPhotoSchema>;

import { z } from 'zod';
import { ID_PATTERN } from './ids';

export const idSchema = z.string().regex(ID_PATTERN, 'invalid id');
/** ISO-8601 date-time in UTC, e.g. 2026-11-23T08:00:00.000Z */
export const dateTimeSchema = z.iso.datetime();
/** Calendar date, e.g. 2026-03-15 */
export const dateSchema = z.iso.date();

const text = (max: number) => z.string().trim().max(max);
export const shortText = text(200);
export const longText = text(50_000);

/** Fields every stored record carries. A delete is a tombstone: `deletedAt` is set and the row stays. */
export const recordBase = {
  id: idSchema,
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
  deletedAt: dateTimeSchema.optional(),
};

export type RecordBase = {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
};

/** Who did something: a delegate, an office staff member, or the app itself (migrations, demo data). */
export const actorSchema = z.object({
  kind: z.enum(['delegate', 'staff', 'unit', 'system']),
  id: z.string().min(1),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** The roles the lifecycle rules speak of. The review committee's decisions are recorded by office staff. */
export const roleSchema = z.enum(['delegate', 'office', 'unit']);
export type Role = z.infer<typeof roleSchema>;

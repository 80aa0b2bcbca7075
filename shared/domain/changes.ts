import { z } from 'zod';
import { actorSchema, dateTimeSchema } from './common';
import { HLC_PATTERN } from './hlc';
import { ENTITY_NAMES, type EntityName } from './entities';

/**
 * One entry of the append-only change log. Written in the same transaction as the row it describes;
 * the sync issue exports these, and the audit timeline reads them.
 */
export const changeRecordSchema = z.object({
  /** Globally unique: `${deviceId}:${hlc}` is enough, but an explicit id keeps the format simple. */
  id: z.string().min(1),
  entity: z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]),
  entityId: z.string().min(1),
  /** put = create or update the given fields; delete = tombstone */
  op: z.enum(['put', 'delete']),
  /** Changed fields with their new values (all fields on create). */
  fields: z.record(z.string(), z.unknown()),
  hlc: z.string().regex(HLC_PATTERN),
  deviceId: z.string().min(1),
  actor: actorSchema,
  /** Lifecycle action that caused it, e.g. 'submit' — the timeline shows these */
  action: z.string().optional(),
  /** Why, when the action asks for a reason (withdrawal, rejection, extension…) */
  reason: z.string().optional(),
  at: dateTimeSchema,
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

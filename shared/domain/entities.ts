import type { z } from 'zod';
import { congressSchema, delegationSchema, activityGroupSchema, delegateSchema, staffSchema, handlingUnitSchema, categorySchema, deviceBindingSchema } from './roster';
import { proposalSchema, cosignatureSchema, attachmentSchema } from './proposal';
import { handlingAssignmentSchema, consultationSchema, replySchema, replyRatingSchema } from './handling';
import { annualMeetingSchema, agendaItemSchema, resolutionSchema } from './meeting';
import { visitSchema, visitParticipationSchema, visitPhotoSchema } from './visit';
import { evaluationRoundSchema, ballotSchema } from './evaluation';
import { noticeSchema, noticeReceiptSchema } from './notice';
import { congressSettingsSchema } from './settings';

/**
 * Every synchronised record kind, by the name used in change records and sync bundles.
 * The Dexie table of an entity has the same name.
 */
export const entitySchemas = {
  congress: congressSchema,
  congressSettings: congressSettingsSchema,
  delegation: delegationSchema,
  activityGroup: activityGroupSchema,
  delegate: delegateSchema,
  staff: staffSchema,
  handlingUnit: handlingUnitSchema,
  category: categorySchema,
  deviceBinding: deviceBindingSchema,
  annualMeeting: annualMeetingSchema,
  agendaItem: agendaItemSchema,
  resolution: resolutionSchema,
  proposal: proposalSchema,
  cosignature: cosignatureSchema,
  attachment: attachmentSchema,
  handlingAssignment: handlingAssignmentSchema,
  consultation: consultationSchema,
  reply: replySchema,
  replyRating: replyRatingSchema,
  visit: visitSchema,
  visitParticipation: visitParticipationSchema,
  visitPhoto: visitPhotoSchema,
  evaluationRound: evaluationRoundSchema,
  ballot: ballotSchema,
  notice: noticeSchema,
  noticeReceipt: noticeReceiptSchema,
} as const;

export type EntityName = keyof typeof entitySchemas;
export type EntityRecord<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;
export const ENTITY_NAMES = Object.keys(entitySchemas) as EntityName[];

/** Records only the office may create or change (roster, settings, meetings, handling, visits, rounds, notices). */
export const OFFICE_ONLY_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>([
  'congress', 'congressSettings', 'delegation', 'activityGroup', 'delegate', 'staff', 'handlingUnit', 'category', 'deviceBinding',
  'annualMeeting', 'agendaItem', 'resolution', 'handlingAssignment', 'consultation', 'reply', 'visit',
  'evaluationRound', 'notice',
]);

// 年会: the office records each annual meeting — its term and session, dates and 提案截止时间, the agenda (审议工作报告,
// 专题发言, 票决 with counts and outcome) and the resolutions. Delegates read them after sync; only office machines
// write them (shared/sync/authorize.ts refuses a delegate's change, so the commands refuse first, in Chinese).
// Every command checks the form with shared/meetings and writes in one transaction with its change log.
import type { AgendaItem, AnnualMeeting, Resolution } from '../../shared/domain';
import {
  hasErrors,
  validateAgendaItem,
  validateMeeting,
  validateResolution,
  voteToStore,
  type AgendaItemForm,
  type FieldErrors,
  type MeetingForm,
  type ResolutionForm,
} from '../../shared/meetings';
import { LifecycleRefusal, type Acting } from './proposalCommands';
import { agendaOf, annualMeetings, currentCongress } from './meetingQueries';
import type { Repository, Writer } from './repository';

export type { AgendaItemForm, MeetingForm, ResolutionForm } from '../../shared/meetings';

function officeOnly(acting: Acting): void {
  if (acting.role !== 'office') throw new LifecycleRefusal('wrongRole', '年会、议程和决议由常任办维护，党代表只能查看');
}

function refuseFields(errors: FieldErrors): void {
  if (hasErrors(errors)) throw new LifecycleRefusal('invalidData', Object.values(errors)[0]!, errors);
}

async function liveMeeting(w: Writer, meetingId: string): Promise<AnnualMeeting> {
  const meeting = await w.db.annualMeeting.get(meetingId);
  if (!meeting || meeting.deletedAt) throw new LifecycleRefusal('invalidData', '找不到这次年会，可能已被删除');
  return meeting;
}

/** Adds a meeting (`id` absent) or edits one. The session number is unique within the congress. */
export async function saveMeeting(repo: Repository, acting: Acting, form: MeetingForm & { id?: string }): Promise<AnnualMeeting> {
  officeOnly(acting);
  return repo.write(async (w) => {
    const congress = await currentCongress(w.db);
    if (!congress) throw new LifecycleRefusal('invalidData', '本机还没有党代会信息，无法添加年会');
    const others = (await annualMeetings(w.db)).filter((m) => m.id !== form.id);
    refuseFields(validateMeeting(form, others));
    const fields = {
      session: form.session!,
      name: form.name!.trim(),
      startDate: form.startDate!,
      endDate: form.endDate!,
      proposalDeadline: new Date(form.proposalDeadline!).toISOString(),
    };
    if (form.id) {
      await liveMeeting(w, form.id);
      return w.update('annualMeeting', form.id, fields, { action: 'editMeeting' });
    }
    return w.create('annualMeeting', { congressId: congress.id, ...fields }, { action: 'addMeeting' });
  });
}

/** Deletes (a tombstone) a meeting entered by mistake; one with proposals filed for it cannot be deleted. */
export async function deleteMeeting(repo: Repository, acting: Acting, meetingId: string): Promise<void> {
  officeOnly(acting);
  await repo.write(async (w) => {
    await liveMeeting(w, meetingId);
    const filed = await w.db.proposal.where('meetingId').equals(meetingId).filter((p) => !p.deletedAt).count();
    if (filed > 0) throw new LifecycleRefusal('invalidData', `已有 ${filed} 件提案属于这次年会，不能删除`);
    for (const item of await w.db.agendaItem.where('meetingId').equals(meetingId).toArray()) await w.remove('agendaItem', item.id, { action: 'deleteMeeting' });
    for (const r of await w.db.resolution.where('meetingId').equals(meetingId).toArray()) await w.remove('resolution', r.id, { action: 'deleteMeeting' });
    await w.remove('annualMeeting', meetingId, { action: 'deleteMeeting' });
  });
}

/** Adds an agenda item at the end (`id` absent) or edits one; a 票决's counts and outcome are checked together. */
export async function saveAgendaItem(repo: Repository, acting: Acting, meetingId: string, form: AgendaItemForm & { id?: string }): Promise<AgendaItem> {
  officeOnly(acting);
  return repo.write(async (w) => {
    await liveMeeting(w, meetingId);
    refuseFields(validateAgendaItem(form));
    const fields = { kind: form.kind!, title: form.title!.trim(), vote: voteToStore(form) };
    if (form.id) {
      const existing = await w.db.agendaItem.get(form.id);
      if (!existing || existing.deletedAt || existing.meetingId !== meetingId) throw new LifecycleRefusal('invalidData', '找不到这项议程，可能已被删除');
      return w.update('agendaItem', form.id, fields, { action: 'editAgendaItem' });
    }
    const items = await agendaOf(w.db, meetingId);
    const sortOrder = items.reduce((max, i) => Math.max(max, i.sortOrder + 1), 0);
    const { vote, ...rest } = fields;
    return w.create('agendaItem', { meetingId, ...rest, sortOrder, ...(vote ? { vote } : {}) }, { action: 'addAgendaItem' });
  });
}

/** Moves an agenda item one place up (-1) or down (+1); the order is rewritten 0, 1, 2… */
export async function moveAgendaItem(repo: Repository, acting: Acting, itemId: string, direction: -1 | 1): Promise<void> {
  officeOnly(acting);
  await repo.write(async (w) => {
    const item = await w.db.agendaItem.get(itemId);
    if (!item || item.deletedAt) return;
    const items = await agendaOf(w.db, item.meetingId);
    const from = items.findIndex((i) => i.id === itemId);
    const to = from + direction;
    if (from < 0 || to < 0 || to >= items.length) return;
    [items[from], items[to]] = [items[to]!, items[from]!];
    for (const [index, row] of items.entries()) {
      if (row.sortOrder !== index) await w.update('agendaItem', row.id, { sortOrder: index }, { action: 'moveAgendaItem' });
    }
  });
}

export async function deleteAgendaItem(repo: Repository, acting: Acting, itemId: string): Promise<void> {
  officeOnly(acting);
  await repo.write((w) => w.remove('agendaItem', itemId, { action: 'deleteAgendaItem' }));
}

/** Adds a resolution (`id` absent) or edits one: title, full text, the day it was adopted. */
export async function saveResolution(repo: Repository, acting: Acting, meetingId: string, form: ResolutionForm & { id?: string }): Promise<Resolution> {
  officeOnly(acting);
  return repo.write(async (w) => {
    const meeting = await liveMeeting(w, meetingId);
    refuseFields(validateResolution(form, meeting));
    const adoptedOn = form.adoptedOn?.trim() || undefined;
    const fields = { title: form.title!.trim(), text: form.text!.trim(), adoptedOn };
    if (form.id) {
      const existing = await w.db.resolution.get(form.id);
      if (!existing || existing.deletedAt || existing.meetingId !== meetingId) throw new LifecycleRefusal('invalidData', '找不到这项决议，可能已被删除');
      return w.update('resolution', form.id, fields, { action: 'editResolution' });
    }
    return w.create('resolution', { meetingId, title: fields.title, text: fields.text, ...(adoptedOn ? { adoptedOn } : {}) }, { action: 'addResolution' });
  });
}

export async function deleteResolution(repo: Repository, acting: Acting, resolutionId: string): Promise<void> {
  officeOnly(acting);
  await repo.write((w) => w.remove('resolution', resolutionId, { action: 'deleteResolution' }));
}

// 交办与办理: the office's commands after 立案 — 交办, 延期, 退回, 办前面商, 答复, 重点标记, applying the lead author's
// 满意度测评, 办结 — and the 承办单位 list. Each asks the state machine in shared/lifecycle with the live round loaded
// (applyProposalAction's context has no assignment), then writes the proposal and its side records (assignment,
// consultation, reply and its scans) in one transaction that also logs the step for the timeline.
import type { Consultation, HandlingAssignment, HandlingUnit, Proposal, ProposalStatus, Reply, Satisfaction } from '../../shared/domain';
import {
  availableActions,
  currentDeadline,
  decide,
  handlingDeadline,
  rehandlingDeadline,
  replyingUnitsOf,
  toCalendarDate,
  unitsOf,
  type LifecycleContext,
  type ProposalAction,
  type ProposalActionType,
} from '../../shared/lifecycle';
import {
  hasErrors,
  validateAssignment,
  validateConsultation,
  validateExtension,
  validateReply,
  validateReturn,
  validateUnit,
  type AssignmentForm,
  type ConsultationForm,
  type FieldErrors,
  type ReplyForm,
  type UnitForm,
} from '../../shared/handling';
import { handlingContextPieces, handlingUnits, pendingRatings, unitHasAssignments } from './handlingQueries';
import { applyProposalAction, LifecycleRefusal, loadContext, MAX_ATTACHMENT_BYTES, type Acting, type AttachmentFile } from './proposalCommands';
import { prepareBlob, type PreparedBlob, type Repository, type Writer } from './repository';

export type { AssignmentForm, ConsultationForm, ReplyForm, UnitForm } from '../../shared/handling';

/** The state machine's context with the live round (assignment, this round's replies and their ratings). */
export async function loadHandlingContext(source: { db: Repository['db'] }, proposalId: string, acting: Acting, deviceId?: string): Promise<LifecycleContext> {
  const pieces = await handlingContextPieces(source.db, proposalId);
  return loadContext(source, proposalId, acting, pieces, deviceId ? { deviceId } : {});
}

interface Plan {
  action: ProposalAction;
  /** Problems with the form, keyed by field: refused beside the fields, nothing written */
  errors?: FieldErrors;
  /** What the timeline says about the step */
  reason?: string;
  /** Side records, written in the same transaction once the state machine agrees */
  write?: (w: Writer, ctx: LifecycleContext, to: ProposalStatus) => Promise<void>;
}

/**
 * Loads the context, refuses with the state machine's reason if the step is not open now (state, role, 退回 window),
 * then the form's field errors, then asks the state machine about the action's data; only then writes.
 */
async function runHandlingStep(
  repo: Repository,
  proposalId: string,
  acting: Acting,
  type: ProposalActionType,
  plan: (ctx: LifecycleContext, w: Writer) => Plan | Promise<Plan>,
): Promise<Proposal> {
  return repo.write(async (w) => {
    const ctx = await loadHandlingContext(w, proposalId, acting, repo.deviceId);
    const open = availableActions(ctx).find((a) => a.type === type);
    if (open && !open.allowed) throw new LifecycleRefusal(open.code ?? 'wrongState', open.message ?? '当前不能进行此操作');
    const step = await plan(ctx, w);
    if (step.errors && hasErrors(step.errors)) {
      throw new LifecycleRefusal('invalidData', Object.values(step.errors)[0]!, step.errors);
    }
    const result = decide(step.action, ctx);
    if (!result.ok) throw new LifecycleRefusal(result.code, result.message, result.fieldErrors);
    await step.write?.(w, ctx, result.to);
    return w.update('proposal', proposalId, { ...result.patch, status: result.to }, { action: step.action.type, ...(step.reason ? { reason: step.reason } : {}) });
  });
}

const clean = (text: string | undefined): string | undefined => text?.trim() || undefined;
const unique = (ids: readonly string[] | undefined): string[] => [...new Set(ids ?? [])];
const todayOf = (ctx: LifecycleContext) => toCalendarDate(ctx.now);

async function unitNamer(w: Writer): Promise<(id: string | undefined) => string> {
  const units = await w.db.handlingUnit.toArray();
  const names = new Map(units.map((u) => [u.id, u.name]));
  return (id) => (id ? (names.get(id) ?? id) : '—');
}

/** The live assignment; the state machine's guard has already refused the step when there is none. */
function liveAssignment(ctx: LifecycleContext): HandlingAssignment {
  if (!ctx.assignment) throw new LifecycleRefusal('invalidData', '找不到本件当前的交办记录');
  return ctx.assignment;
}

// ---------------------------------------------------------------------------------------------------------------
// 交办 / 延期 / 退回

/**
 * 交办: 主办 + 协办 (one reply, by the lead) or 分办 (each replies). Without `deadline` the default is today +
 * settings.handlingMonths; an empty string is a cleared field and is refused. Also used to assign again after 退回.
 */
export async function assignProposal(repo: Repository, proposalId: string, acting: Acting, form: AssignmentForm): Promise<Proposal> {
  return runHandlingStep(repo, proposalId, acting, 'assign', async (ctx, w) => {
    const units = await handlingUnits(w.db);
    const deadline = form.deadline ?? handlingDeadline(ctx.now, ctx.settings);
    const lead = form.mode === 'lead';
    const input = {
      mode: form.mode,
      ...(lead && form.leadUnitId ? { leadUnitId: form.leadUnitId } : {}),
      coUnitIds: lead ? unique(form.coUnitIds) : [],
      splitUnitIds: lead ? [] : unique(form.splitUnitIds),
      deadline,
    };
    const errors = validateAssignment(input, { activeUnitIds: new Set(units.filter((u) => u.active).map((u) => u.id)), today: todayOf(ctx) });
    const name = await unitNamer(w);
    const reason = lead
      ? `主办：${name(input.leadUnitId)}${input.coUnitIds.length ? `；协办：${input.coUnitIds.map(name).join('、')}` : ''}；办理期限：${deadline}`
      : `分办：${input.splitUnitIds.map(name).join('、')}；办理期限：${deadline}`;
    return {
      action: { type: 'assign', assignment: input },
      errors,
      reason,
      write: async (writer) => {
        await writer.create(
          'handlingAssignment',
          { proposalId, ...input, assignedAt: ctx.now.toISOString(), extensions: [], round: 1 },
          { action: 'assign', reason },
        );
      },
    };
  });
}

/** 延期: a later deadline, with the reason (required), kept on the assignment as a list of extensions. */
export async function extendHandlingDeadline(repo: Repository, proposalId: string, acting: Acting, form: { newDeadline?: string; reason?: string }): Promise<Proposal> {
  return runHandlingStep(repo, proposalId, acting, 'extendDeadline', (ctx) => {
    const assignment = liveAssignment(ctx);
    const newDeadline = form.newDeadline ?? '';
    const reasonText = clean(form.reason) ?? '';
    const reason = `办理期限由 ${currentDeadline(assignment)} 延至 ${newDeadline}：${reasonText}`;
    return {
      action: { type: 'extendDeadline', newDeadline, reason: reasonText },
      errors: validateExtension({ newDeadline, reason: reasonText }, currentDeadline(assignment)),
      reason,
      write: async (w) => {
        const extension = { newDeadline, reason: reasonText, at: ctx.now.toISOString(), by: acting.actorId };
        await w.update('handlingAssignment', assignment.id, { extensions: [...assignment.extensions, extension] }, { action: 'extendDeadline', reason });
      },
    };
  });
}

/**
 * 退回: a unit on the assignment sends it back (wrong unit) within settings.returnWindowWorkingDays working days;
 * the proposal returns to 已立案 for the office to 交办 again. After the window the state machine refuses, saying
 * until when it was open.
 */
export async function returnAssignment(repo: Repository, proposalId: string, acting: Acting, form: { unitId?: string; reason?: string }): Promise<Proposal> {
  return runHandlingStep(repo, proposalId, acting, 'returnAssignment', async (ctx, w) => {
    const assignment = liveAssignment(ctx);
    const unitId = form.unitId ?? '';
    const reasonText = clean(form.reason) ?? '';
    const name = await unitNamer(w);
    const reason = `${name(unitId)}退回：${reasonText}`;
    return {
      action: { type: 'returnAssignment', unitId, reason: reasonText },
      errors: validateReturn({ unitId, reason: reasonText }, unitsOf(assignment)),
      reason,
      write: async (writer) => {
        await writer.update('handlingAssignment', assignment.id, { returned: { unitId, reason: reasonText, at: ctx.now.toISOString() } }, { action: 'returnAssignment', reason });
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 办前面商 / 答复

export const CONSULTATION_FORM_LABELS: Readonly<Record<Consultation['form'], string>> = { faceToFace: '面谈', phone: '电话', meeting: '座谈会' };

/** 办前面商: a unit on the assignment met the lead author (date, 面谈 / 电话 / 座谈会, notes). */
export async function recordConsultation(repo: Repository, proposalId: string, acting: Acting, form: ConsultationForm): Promise<Proposal> {
  return runHandlingStep(repo, proposalId, acting, 'recordConsultation', async (ctx, w) => {
    const assignment = liveAssignment(ctx);
    const name = await unitNamer(w);
    const reason = `${name(form.unitId)} · ${form.form ? CONSULTATION_FORM_LABELS[form.form] : ''} · ${form.date ?? ''}`;
    return {
      action: { type: 'recordConsultation' },
      errors: validateConsultation(form, { unitIds: unitsOf(assignment), today: todayOf(ctx) }),
      reason,
      write: async (writer) => {
        await writer.create(
          'consultation',
          { proposalId, unitId: form.unitId!, date: form.date!, form: form.form!, notes: form.notes?.trim() ?? '' },
          { action: 'recordConsultation', reason },
        );
      },
    };
  });
}

const cleanItems = (items: readonly string[] | undefined): string[] => (items ?? []).map((i) => i.trim()).filter((i) => i.length > 0);

/**
 * 答复: the reply letter's text and/or its scans (stored like a proposal's attachments: content-addressed bytes,
 * an attachment row owned by the reply), 文号, signer, date, class A/B/C (D when settings.allowClassD), adopted
 * and planned items. Under 主办 the lead unit answers (the default); under 分办 say which unit. The proposal becomes
 * 已答复 once every replying unit has answered this round.
 */
export async function recordReply(
  repo: Repository,
  proposalId: string,
  acting: Acting,
  form: ReplyForm & { files?: readonly AttachmentFile[] },
): Promise<Proposal> {
  const files = form.files ?? [];
  const tooLarge = files.find((f) => f.bytes.byteLength > MAX_ATTACHMENT_BYTES);
  if (tooLarge) throw new LifecycleRefusal('invalidData', `附件“${tooLarge.name}”超过 20 MB，请压缩后再添加`, { files: `附件“${tooLarge.name}”超过 20 MB，请压缩后再添加` });
  // Hashed before the transaction: awaiting WebCrypto inside it would let IndexedDB commit early.
  const blobs: (PreparedBlob & { name: string })[] = await Promise.all(
    files.map(async (f) => ({ ...(await prepareBlob(f.bytes, f.type || 'application/octet-stream')), name: f.name })),
  );
  return runHandlingStep(repo, proposalId, acting, 'recordReply', async (ctx, w) => {
    const assignment = liveAssignment(ctx);
    const unitId = form.unitId ?? (assignment.mode === 'lead' ? assignment.leadUnitId : undefined);
    const text = form.text?.trim() ?? '';
    const documentNumber = clean(form.documentNumber);
    const signer = clean(form.signer);
    const adoptedItems = cleanItems(form.adoptedItems);
    const plannedItems = cleanItems(form.plannedItems);
    const errors = validateReply(
      { ...form, unitId, text, adoptedItems, plannedItems },
      { allowClassD: ctx.settings.allowClassD, replyingUnitIds: replyingUnitsOf(assignment), hasAttachment: blobs.length > 0, today: todayOf(ctx) },
    );
    const name = await unitNamer(w);
    const reason = `${name(unitId)}答复（${form.resultClass ?? '—'}类${documentNumber ? `，${documentNumber}` : ''}）${assignment.round > 1 ? `，第${assignment.round}轮` : ''}`;
    return {
      action: { type: 'recordReply', resultClass: form.resultClass ?? 'A', ...(unitId ? { unitId } : {}) },
      errors,
      reason,
      write: async (writer) => {
        const reply: Reply = await writer.create(
          'reply',
          {
            proposalId,
            assignmentId: assignment.id,
            unitId: unitId!,
            round: assignment.round,
            text,
            ...(documentNumber ? { documentNumber } : {}),
            ...(signer ? { signer } : {}),
            repliedOn: form.repliedOn!,
            resultClass: form.resultClass!,
            adoptedItems,
            ...(plannedItems.length ? { plannedItems } : {}),
          },
          { action: 'recordReply', reason },
        );
        for (const blob of blobs) {
          const sha256 = await writer.putBlob(blob);
          await writer.create(
            'attachment',
            { ownerEntity: 'reply', ownerId: reply.id, fileName: blob.name, mimeType: blob.mimeType, size: blob.bytes.byteLength, sha256 },
            { action: 'addAttachment' },
          );
        }
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 满意度测评 → 办结 / 重新办理

export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, string>> = { satisfied: '满意', basicallySatisfied: '基本满意', unsatisfied: '不满意' };

/**
 * Applies the lead author's rating of the current round (the delegate's machine writes only the rating row):
 * 满意 / 基本满意 → 办结; 不满意 → 重新办理 with the next round's assignment (same units, round + 1, deadline today +
 * settings.rehandlingMonths).
 */
export async function applyRating(repo: Repository, proposalId: string, acting: Acting, ratingId: string): Promise<Proposal> {
  return runHandlingStep(repo, proposalId, acting, 'applyRating', (ctx) => {
    const rating = ctx.ratings?.find((r) => r.id === ratingId);
    const rehandle = rating?.overall === 'unsatisfied';
    const deadline = rehandlingDeadline(ctx.now, ctx.settings);
    const reason = rating
      ? `领衔人测评：${SATISFACTION_LABELS[rating.overall]}${rehandle ? `，重新办理，办理期限：${deadline}` : '，办结'}`
      : undefined;
    return {
      action: { type: 'applyRating', ratingId },
      ...(reason ? { reason } : {}),
      write: async (w, _ctx, to) => {
        if (to !== 'rehandling') return;
        const previous = liveAssignment(ctx);
        await w.create(
          'handlingAssignment',
          {
            proposalId,
            mode: previous.mode,
            ...(previous.leadUnitId ? { leadUnitId: previous.leadUnitId } : {}),
            coUnitIds: [...previous.coUnitIds],
            splitUnitIds: [...previous.splitUnitIds],
            assignedAt: ctx.now.toISOString(),
            deadline,
            extensions: [],
            round: previous.round + 1,
          },
          { action: 'applyRating', ...(reason ? { reason } : {}) },
        );
      },
    };
  });
}

/**
 * Applies every rating waiting on this office machine: proposals in 已答复 whose lead author has rated the current
 * round. Idempotent (an applied proposal has left 已答复, and the next round has no rating yet); meant to run
 * after each sync. A proposal another step has changed meanwhile is skipped (the state machine refuses it); a
 * storage failure is thrown. Returns the ids of the proposals changed.
 */
export async function applyPendingRatings(repo: Repository, acting: Acting): Promise<{ applied: string[] }> {
  if (acting.role !== 'office') return { applied: [] };
  const applied: string[] = [];
  for (const { proposalId, rating } of await pendingRatings(repo.db)) {
    try {
      await applyRating(repo, proposalId, acting, rating.id);
      applied.push(proposalId);
    } catch (error) {
      if (!(error instanceof LifecycleRefusal)) throw error;
    }
  }
  return { applied };
}

/** 办结 without a rating (e.g. the lead author did not rate in time); the reason goes to the timeline. */
export async function closeWithoutRating(repo: Repository, proposalId: string, acting: Acting, reason?: string): Promise<Proposal> {
  const text = clean(reason);
  return applyProposalAction(repo, proposalId, acting, { type: 'close', ...(text ? { reason: text } : {}) }, text ? `未经测评办结：${text}` : '未经测评办结');
}

/** 重点提案 / 重点督办 flags. */
export async function setHandlingFlags(repo: Repository, proposalId: string, acting: Acting, flags: { isKey?: boolean; isSupervised?: boolean }): Promise<Proposal> {
  const said = [
    ...(flags.isKey !== undefined ? [flags.isKey ? '设为重点提案' : '取消重点提案'] : []),
    ...(flags.isSupervised !== undefined ? [flags.isSupervised ? '设为重点督办' : '取消重点督办'] : []),
  ].join('，');
  return applyProposalAction(repo, proposalId, acting, { type: 'setFlags', ...flags }, said || undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// 承办单位

function officeOnly(acting: Acting) {
  if (acting.role !== 'office') throw new LifecycleRefusal('wrongRole', '只有常任办可以维护承办单位');
}

/** Adds a unit (`id` absent) or edits one: name (unique), contact person, phone. */
export async function saveHandlingUnit(repo: Repository, acting: Acting, form: UnitForm & { id?: string }): Promise<HandlingUnit> {
  officeOnly(acting);
  return repo.write(async (w) => {
    const units = await handlingUnits(w.db);
    const errors = validateUnit(form, units.filter((u) => u.id !== form.id).map((u) => u.name));
    if (hasErrors(errors)) throw new LifecycleRefusal('invalidData', Object.values(errors)[0]!, errors);
    const fields = { name: form.name!.trim(), contactName: clean(form.contactName), contactPhone: clean(form.contactPhone) };
    if (form.id) return w.update('handlingUnit', form.id, fields, { action: 'editHandlingUnit' });
    const sortOrder = units.reduce((max, u) => Math.max(max, u.sortOrder + 1), 0);
    return w.create('handlingUnit', { ...fields, sortOrder, active: true }, { action: 'addHandlingUnit' });
  });
}

/** 停用 / 启用: a unit no longer in use is not offered for 交办, but old assignments keep its name. */
export async function setHandlingUnitActive(repo: Repository, acting: Acting, unitId: string, active: boolean): Promise<HandlingUnit> {
  officeOnly(acting);
  return repo.write((w) => w.update('handlingUnit', unitId, { active }, { action: active ? 'enableHandlingUnit' : 'disableHandlingUnit' }));
}

/** Deletes (a tombstone) a unit entered by mistake; one ever named on an assignment can only be 停用. */
export async function deleteHandlingUnit(repo: Repository, acting: Acting, unitId: string): Promise<void> {
  officeOnly(acting);
  await repo.write(async (w) => {
    if (await unitHasAssignments(w.db, unitId)) throw new LifecycleRefusal('invalidData', '该单位已有交办记录，不能删除，可以停用');
    await w.remove('handlingUnit', unitId, { action: 'deleteHandlingUnit' });
  });
}

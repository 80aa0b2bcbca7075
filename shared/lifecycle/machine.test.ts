import { describe, expect, it } from 'vitest';
import { newId, proposalStatusSchema, roleSchema, type ProposalStatus, type Role } from '../domain';
import { ACTION_LABELS } from './labels';
import { availableActions, decide } from './machine';
import { buildAssignment, buildContext, buildCosignature, buildProposal, buildRating, buildReply, buildSettings, cast, hoursFrom, NOW } from './fixtures';
import type { LifecycleContext, ProposalAction, ProposalActionType } from './types';

// ---------------------------------------------------------------------------------------------------------------
// The expected lifecycle, written out by hand. Every (status × role × action) triple not listed here is refused:
// with 'wrongRole' if the role is not in `by`, otherwise with 'wrongState'.
// ---------------------------------------------------------------------------------------------------------------
const D: Role = 'delegate';
const O: Role = 'office';
const U: Role = 'unit';

const EXPECTED: Record<ProposalActionType, { by: Role[]; moves: Partial<Record<ProposalStatus, ProposalStatus>> }> = {
  edit: /*               */ { by: [D], moves: { draft: 'draft', collecting: 'collecting' } },
  inviteCosigners: /*    */ { by: [D], moves: { draft: 'collecting', collecting: 'collecting' } },
  confirmCosign: /*      */ { by: [D], moves: { collecting: 'collecting' } },
  declineCosign: /*      */ { by: [D], moves: { collecting: 'collecting' } },
  submit: /*             */ { by: [D], moves: { draft: 'submitted', collecting: 'submitted' } },
  withdraw: /*           */ { by: [D], moves: { collecting: 'withdrawn', submitted: 'withdrawn', received: 'withdrawn' } },
  receive: /*            */ { by: [O], moves: { submitted: 'received' } },
  preReview: /*          */ { by: [O], moves: { received: 'inReview' } },
  accept: /*             */ { by: [O], moves: { received: 'accepted', inReview: 'accepted' } },
  merge: /*              */ { by: [O], moves: { received: 'merged', inReview: 'merged' } },
  convert: /*            */ { by: [O], moves: { received: 'accepted', inReview: 'accepted' } },
  reject: /*             */ { by: [O], moves: { received: 'rejected', inReview: 'rejected' } },
  assign: /*             */ { by: [O], moves: { accepted: 'assigned' } },
  returnAssignment: /*   */ { by: [O, U], moves: { assigned: 'accepted' } },
  extendDeadline: /*     */ { by: [O], moves: { assigned: 'assigned', rehandling: 'rehandling' } },
  recordConsultation: /* */ { by: [O, U], moves: { assigned: 'assigned', rehandling: 'rehandling' } },
  recordReply: /*        */ { by: [O, U], moves: { assigned: 'replied', rehandling: 'replied' } },
  rate: /*               */ { by: [D], moves: { replied: 'closed' } },
  applyRating: /*        */ { by: [O], moves: { replied: 'closed' } },
  close: /*              */ { by: [O], moves: { replied: 'closed' } },
  setFlags: {
    by: [O],
    moves: {
      collecting: 'collecting', submitted: 'submitted', received: 'received', inReview: 'inReview', accepted: 'accepted',
      merged: 'merged', rejected: 'rejected', assigned: 'assigned', replied: 'replied', rehandling: 'rehandling',
      closed: 'closed', withdrawn: 'withdrawn',
    },
  },
};

const people = cast();
const mergeTargetId = newId();
const ratingId = newId();

/** Valid form data for each action, so only role, actor and status decide the outcome. */
const VALID_ACTIONS: Record<ProposalActionType, ProposalAction> = {
  edit: { type: 'edit' },
  inviteCosigners: { type: 'inviteCosigners' },
  confirmCosign: { type: 'confirmCosign' },
  declineCosign: { type: 'declineCosign' },
  submit: { type: 'submit' },
  withdraw: { type: 'withdraw', reason: '问题已在村级层面解决' },
  receive: { type: 'receive' },
  preReview: { type: 'preReview', note: '材料齐全' },
  accept: { type: 'accept', number: 3 },
  merge: { type: 'merge', targetId: mergeTargetId, reasonText: '与第 2 号内容相近' },
  convert: { type: 'convert' },
  reject: { type: 'reject', reasonCode: 'personal' },
  assign: { type: 'assign', assignment: { mode: 'lead', leadUnitId: people.unitA, coUnitIds: [people.unitB] } },
  returnAssignment: { type: 'returnAssignment', unitId: people.unitA, reason: '不属于本单位职责' },
  extendDeadline: { type: 'extendDeadline', newDeadline: '2026-09-30', reason: '需跨年度预算' },
  recordConsultation: { type: 'recordConsultation' },
  recordReply: { type: 'recordReply', resultClass: 'A' },
  rate: { type: 'rate', overall: 'satisfied' },
  applyRating: { type: 'applyRating', ratingId },
  close: { type: 'close' },
  setFlags: { type: 'setFlags', isKey: true },
};

/** The right person for each role: the lead author (or an invitee for 附议), a staff member, the 主办 unit. */
function actorFor(role: Role, type: ProposalActionType): string {
  if (role === 'office') return people.staff;
  if (role === 'unit') return people.unitA;
  return type === 'confirmCosign' || type === 'declineCosign' ? people.invitees[0] : people.lead;
}

/** A context in which every data rule is satisfied. */
function happyContext(status: ProposalStatus, role: Role, type: ProposalActionType): LifecycleContext {
  const proposal = buildProposal(people, { status, cosignDeadline: hoursFrom(NOW, 72).toISOString() });
  // Two confirmations, except for edit (a confirmation locks the text while collecting).
  const cosignatures = type === 'edit' ? [] : [people.invitees[1], people.invitees[2]].map((id) => buildCosignature(proposal, id, 'confirmed'));
  const assignment = buildAssignment(proposal, people, { assignedAt: hoursFrom(NOW, -24).toISOString() });
  // The lead unit's reply and the lead author's rating of it, only for applyRating (a reply would stop the unit replying).
  const reply = type === 'applyRating' ? buildReply(assignment, people.unitA) : undefined;
  return buildContext(role, actorFor(role, type), proposal, {
    cosignatures,
    settings: buildSettings({ minCosignersRecess: 0, minCosignersMeeting: 0 }),
    assignment,
    replies: reply ? [reply] : [],
    ratings: reply ? [buildRating(reply, people.lead, { id: ratingId })] : [],
    usedNumbers: [1, 2],
    mergeTarget: { id: mergeTargetId, status: 'accepted', kind: 'proposal' },
  });
}

const STATUSES = proposalStatusSchema.options;
const ROLES = roleSchema.options;
const TYPES = Object.keys(EXPECTED) as ProposalActionType[];

describe('every status × role × action', () => {
  it('the expected table covers every action label', () => {
    expect([...TYPES].sort()).toEqual(Object.keys(ACTION_LABELS).sort());
  });

  for (const status of STATUSES) {
    for (const role of ROLES) {
      for (const type of TYPES) {
        const rule = EXPECTED[type];
        const to = rule.moves[status];
        const expected = !rule.by.includes(role) ? 'wrongRole' : to === undefined ? 'wrongState' : to;

        it(`${status} × ${role} × ${type} → ${expected}`, () => {
          const ctx = happyContext(status, role, type);
          const result = decide(VALID_ACTIONS[type], ctx);
          if (expected === 'wrongRole' || expected === 'wrongState') {
            expect(result).toMatchObject({ ok: false, code: expected });
            if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/);
          } else {
            expect(result).toMatchObject({ ok: true, from: status, to: expected, patch: { status: expected } });
          }
          // availableActions agrees with decide when the form data is valid.
          const row = availableActions(ctx).find((r) => r.type === type);
          expect(row?.allowed).toBe(result.ok);
          if (!result.ok) expect(row?.code).toBe(result.code);
        });
      }
    }
  }
});

describe('availableActions', () => {
  it('lists every action type exactly once', () => {
    const rows = availableActions(happyContext('draft', 'delegate', 'edit'));
    expect(rows.map((r) => r.type).sort()).toEqual([...TYPES].sort());
  });

  it('ignores form data: the office in review may take any decision before choosing a number, target or reason', () => {
    const proposal = buildProposal(people, { status: 'inReview' });
    const rows = availableActions(buildContext('office', people.staff, proposal));
    expect(rows.filter((r) => r.allowed).map((r) => r.type).sort()).toEqual(['accept', 'convert', 'merge', 'reject', 'setFlags']);
  });

  it('explains why submitting is not possible yet', () => {
    const proposal = buildProposal(people, { status: 'collecting' });
    const ctx = buildContext('delegate', people.lead, proposal, {
      settings: buildSettings({ minCosignersRecess: 5 }),
      cosignatures: [buildCosignature(proposal, people.invitees[0], 'confirmed'), buildCosignature(proposal, people.invitees[1], 'confirmed')],
    });
    expect(availableActions(ctx).find((r) => r.type === 'submit')).toEqual({
      type: 'submit',
      allowed: false,
      code: 'tooFewCosigners',
      message: '附议人不足：至少需要 5 名附议人，目前 2 名',
    });
  });

  it('tells a co-signer they are not the lead author', () => {
    const proposal = buildProposal(people, { status: 'draft' });
    const row = availableActions(buildContext('delegate', people.invitees[0], proposal)).find((r) => r.type === 'edit');
    expect(row).toMatchObject({ allowed: false, code: 'notOwner' });
  });
});

describe('deleted proposals', () => {
  it('refuse every action', () => {
    const proposal = buildProposal(people, { status: 'inReview', deletedAt: NOW.toISOString() });
    for (const row of availableActions(buildContext('office', people.staff, proposal))) {
      expect(row).toMatchObject({ allowed: false, code: 'wrongState' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { newId, type Proposal } from '../../domain';
import { buildContext, buildCosignature, buildMeeting, buildProposal, buildSettings, cast, hoursFrom, NOW } from '../fixtures';
import { decide } from '../machine';
import type { LifecycleContext } from '../types';

const people = cast();

function collecting(overrides: Partial<Proposal> = {}): Proposal {
  return buildProposal(people, { status: 'collecting', cosignDeadline: hoursFrom(NOW, 48).toISOString(), ...overrides });
}

function confirmations(proposal: Proposal, count: number) {
  return people.invitees.slice(0, count).map((id) => buildCosignature(proposal, id, 'confirmed'));
}

function asLead(proposal: Proposal, rest: Partial<LifecycleContext> = {}): LifecycleContext {
  return buildContext('delegate', people.lead, proposal, rest);
}

describe('ownership: only the lead author drafts, submits, withdraws and rates', () => {
  const cases: [Proposal['status'], Parameters<typeof decide>[0]][] = [
    ['draft', { type: 'edit' }],
    ['draft', { type: 'inviteCosigners' }],
    ['collecting', { type: 'submit' }],
    ['collecting', { type: 'withdraw', reason: '重复' }],
    ['replied', { type: 'rate', overall: 'satisfied' }],
  ];
  for (const [status, action] of cases) {
    it(`${action.type}: an invitee and a stranger are refused`, () => {
      const proposal = buildProposal(people, { status });
      for (const actor of [people.invitees[0], people.stranger]) {
        expect(decide(action, buildContext('delegate', actor, proposal))).toMatchObject({ ok: false, code: 'notOwner' });
      }
    });
  }
});

describe('edit', () => {
  it('is locked while collecting once anyone has confirmed', () => {
    const proposal = collecting();
    expect(decide({ type: 'edit' }, asLead(proposal, { cosignatures: confirmations(proposal, 1) }))).toMatchObject({
      ok: false,
      code: 'wrongState',
      message: expect.stringContaining('已有 1 名附议人确认'),
    });
  });

  it('stays open while collecting when the only answers are declines', () => {
    const proposal = collecting();
    const declined = [buildCosignature(proposal, people.invitees[0], 'declined')];
    expect(decide({ type: 'edit' }, asLead(proposal, { cosignatures: declined }))).toMatchObject({ ok: true, to: 'collecting' });
  });
});

describe('inviteCosigners', () => {
  it('adds the new invitees and sets the deadline to the end of the day cosignDeadlineDays ahead (北京时间)', () => {
    const newcomer = newId();
    const proposal = buildProposal(people, { invitedCosignerIds: [people.invitees[0]] });
    const result = decide({ type: 'inviteCosigners', delegateIds: [newcomer, people.invitees[0]] }, asLead(proposal, { settings: buildSettings({ cosignDeadlineDays: 7 }) }));
    expect(result).toEqual({
      ok: true,
      from: 'draft',
      to: 'collecting',
      // NOW is 2026-03-04 10:00 Beijing; +7 days → 2026-03-11 23:59:59.999 Beijing = 15:59:59.999Z
      patch: { status: 'collecting', invitedCosignerIds: [people.invitees[0], newcomer], cosignDeadline: '2026-03-11T15:59:59.999Z' },
    });
  });

  it('never shortens a later deadline when inviting more while collecting', () => {
    const later = hoursFrom(NOW, 24 * 30).toISOString();
    const result = decide({ type: 'inviteCosigners', delegateIds: [newId()] }, asLead(collecting({ cosignDeadline: later })));
    expect(result.ok && result.patch.cosignDeadline).toBe(later);
  });

  it('re-opens a passed window when inviting more', () => {
    const result = decide({ type: 'inviteCosigners', delegateIds: [newId()] }, asLead(collecting({ cosignDeadline: hoursFrom(NOW, -1).toISOString() })));
    expect(result.ok && Date.parse(result.patch.cosignDeadline!)).toBeGreaterThan(NOW.getTime());
  });

  it('refuses to invite the lead author or nobody', () => {
    const self = decide({ type: 'inviteCosigners', delegateIds: [people.lead] }, asLead(buildProposal(people)));
    expect(self).toMatchObject({ ok: false, code: 'invalidData', message: '领衔人不能邀请自己附议' });
    const none = decide({ type: 'inviteCosigners' }, asLead(buildProposal(people, { invitedCosignerIds: [] })));
    expect(none).toMatchObject({ ok: false, code: 'invalidData' });
  });

  it('requires the complete text first, so co-signers sign what will be submitted', () => {
    const result = decide({ type: 'inviteCosigners' }, asLead(buildProposal(people, { title: '饮水' })));
    expect(result).toMatchObject({ ok: false, code: 'missingFields', fieldErrors: { title: '案由至少 4 个字' } });
  });
});

describe('confirmCosign / declineCosign', () => {
  const asInvitee = (proposal: Proposal, rest: Partial<LifecycleContext> = {}) => buildContext('delegate', people.invitees[0], proposal, rest);

  it('refuses delegates who were not invited, including the lead author', () => {
    for (const actor of [people.stranger, people.lead]) {
      expect(decide({ type: 'confirmCosign' }, buildContext('delegate', actor, collecting()))).toMatchObject({ ok: false, code: 'notInvited' });
    }
  });

  it('is allowed up to the deadline and refused after it', () => {
    const proposal = collecting({ cosignDeadline: NOW.toISOString() });
    expect(decide({ type: 'confirmCosign' }, asInvitee(proposal))).toMatchObject({ ok: true, to: 'collecting' });
    expect(decide({ type: 'confirmCosign' }, asInvitee(proposal, { now: hoursFrom(NOW, 0.001) }))).toMatchObject({
      ok: false,
      code: 'cosignDeadlinePassed',
    });
  });

  it('refuses the same answer twice but lets a co-signer change their mind', () => {
    const proposal = collecting();
    const confirmed = [buildCosignature(proposal, people.invitees[0], 'confirmed')];
    expect(decide({ type: 'confirmCosign' }, asInvitee(proposal, { cosignatures: confirmed }))).toMatchObject({ ok: false, code: 'alreadyResponded' });
    expect(decide({ type: 'declineCosign' }, asInvitee(proposal, { cosignatures: confirmed }))).toMatchObject({ ok: true, to: 'collecting' });
  });

  it('does not change the proposal: the co-signer’s own record carries the answer', () => {
    expect(decide({ type: 'declineCosign' }, asInvitee(collecting()))).toMatchObject({ ok: true, patch: { status: 'collecting' } });
  });
});

describe('submit: minimum co-signers', () => {
  it('a recess proposal needs minCosignersRecess confirmed co-signers', () => {
    const settings = buildSettings({ minCosignersRecess: 5, minCosignersMeeting: 9 });
    const proposal = collecting();
    expect(decide({ type: 'submit' }, asLead(proposal, { settings, cosignatures: confirmations(proposal, 4) }))).toEqual({
      ok: false,
      code: 'tooFewCosigners',
      message: '附议人不足：至少需要 5 名附议人，目前 4 名',
    });
    expect(decide({ type: 'submit' }, asLead(proposal, { settings, cosignatures: confirmations(proposal, 5) }))).toEqual({
      ok: true,
      from: 'collecting',
      to: 'submitted',
      patch: { status: 'submitted', submittedAt: NOW.toISOString() },
    });
  });

  it('a suggestion uses its own minimum, so one delegate alone can file it by default', () => {
    const settings = buildSettings({ minCosignersRecess: 5, minCosignersMeeting: 9, minCosignersSuggestion: 2 });
    const proposal = collecting({ kind: 'suggestion' });
    expect(decide({ type: 'submit' }, asLead(proposal, { settings, cosignatures: confirmations(proposal, 1) }))).toMatchObject({ ok: false, code: 'tooFewCosigners' });
    expect(decide({ type: 'submit' }, asLead(proposal, { settings, cosignatures: confirmations(proposal, 2) }))).toMatchObject({ ok: true });
    const alone = buildProposal(people, { kind: 'suggestion' });
    expect(decide({ type: 'submit' }, asLead(alone, { settings: buildSettings({ minCosignersRecess: 5 }) }))).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('a motion during the annual meeting needs minCosignersMeeting', () => {
    const settings = buildSettings({ minCosignersRecess: 2, minCosignersMeeting: 4 });
    const meeting = buildMeeting();
    const proposal = collecting({ kind: 'motion', meetingId: meeting.id });
    const withThree = decide({ type: 'submit' }, asLead(proposal, { settings, meeting, cosignatures: confirmations(proposal, 3) }));
    expect(withThree).toMatchObject({ ok: false, code: 'tooFewCosigners', message: '附议人不足：至少需要 4 名附议人，目前 3 名' });
    const withFour = decide({ type: 'submit' }, asLead(proposal, { settings, meeting, cosignatures: confirmations(proposal, 4) }));
    expect(withFour).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('counts only the current confirmed answers of invited delegates on this proposal', () => {
    const settings = buildSettings({ minCosignersRecess: 1 });
    const proposal = collecting({ invitedCosignerIds: [people.invitees[0], people.invitees[1]] });
    const other = collecting();
    const notCounting = [
      buildCosignature(proposal, people.invitees[0], 'confirmed', hoursFrom(NOW, -2)),
      buildCosignature(proposal, people.invitees[0], 'declined', hoursFrom(NOW, -1)), // changed their mind
      buildCosignature(proposal, people.invitees[1], 'declined'),
      buildCosignature(proposal, people.stranger, 'confirmed'), // never invited
      buildCosignature(proposal, people.lead, 'confirmed'), // the lead author does not co-sign
      buildCosignature(other, people.invitees[1], 'confirmed'), // another proposal
      { ...buildCosignature(proposal, people.invitees[1], 'confirmed', hoursFrom(NOW, 1)), deletedAt: NOW.toISOString() },
    ];
    expect(decide({ type: 'submit' }, asLead(proposal, { settings, cosignatures: notCounting }))).toMatchObject({
      ok: false,
      code: 'tooFewCosigners',
      message: '附议人不足：至少需要 1 名附议人，目前 0 名',
    });
  });

  it('a draft may be submitted directly when the minimum is 0, but not otherwise', () => {
    const draft = buildProposal(people);
    expect(decide({ type: 'submit' }, asLead(draft, { settings: buildSettings({ minCosignersRecess: 0 }) }))).toMatchObject({ ok: true, to: 'submitted' });
    expect(decide({ type: 'submit' }, asLead(draft, { settings: buildSettings({ minCosignersRecess: 1 }) }))).toMatchObject({
      ok: false,
      code: 'tooFewCosigners',
    });
  });
});

describe('submit: required fields', () => {
  it('lists every missing field with its Chinese message', () => {
    const proposal = collecting({ title: '', categoryId: undefined, background: '太短', recommendations: '' });
    const result = decide({ type: 'submit' }, asLead(proposal, { settings: buildSettings({ minCosignersRecess: 0 }) }));
    expect(result).toMatchObject({
      ok: false,
      code: 'missingFields',
      fieldErrors: {
        title: '案由至少 4 个字',
        categoryId: '请选择类别',
        background: '情况/理由至少 10 个字',
        recommendations: '建议/办法至少 10 个字',
      },
    });
  });

  it('asks for the annual meeting of a motion', () => {
    const proposal = collecting({ kind: 'motion' });
    const result = decide({ type: 'submit' }, asLead(proposal, { settings: buildSettings({ minCosignersMeeting: 0 }) }));
    expect(result).toMatchObject({ ok: false, code: 'missingFields', fieldErrors: { meetingId: '请选择提案所属的年会' } });
  });
});

describe('submit: the annual meeting’s proposal deadline', () => {
  const settings = buildSettings({ minCosignersMeeting: 0 });
  const meeting = buildMeeting({ proposalDeadline: '2026-03-10T10:00:00.000Z' });
  const motion = collecting({ kind: 'motion', meetingId: meeting.id });

  it('accepts a motion up to the deadline', () => {
    const now = new Date('2026-03-10T10:00:00.000Z');
    expect(decide({ type: 'submit' }, asLead(motion, { settings, meeting, now }))).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('refuses a motion after it and says to file a recess item instead', () => {
    const now = new Date('2026-03-10T10:00:00.001Z');
    const result = decide({ type: 'submit' }, asLead(motion, { settings, meeting, now }));
    expect(result).toMatchObject({ ok: false, code: 'proposalDeadlinePassed' });
    expect(!result.ok && result.message).toContain('2026-03-10 18:00');
    expect(!result.ok && result.message).toContain('闭会期间的提议或意见建议');
  });

  it('does not apply to recess items', () => {
    const recess = collecting({ kind: 'suggestion' });
    const now = new Date('2026-04-01T00:00:00.000Z');
    expect(decide({ type: 'submit' }, asLead(recess, { settings: buildSettings({ minCosignersRecess: 0 }), meeting, now }))).toMatchObject({ ok: true });
  });

  it('refuses when the meeting was not supplied, rather than skipping the check', () => {
    expect(decide({ type: 'submit' }, asLead(motion, { settings }))).toMatchObject({ ok: false, code: 'invalidData' });
  });
});

describe('withdraw', () => {
  it('needs a reason', () => {
    expect(decide({ type: 'withdraw', reason: '  ' }, asLead(collecting()))).toMatchObject({ ok: false, code: 'invalidData', message: '请填写撤回理由' });
  });

  it('is no longer possible once review has started', () => {
    expect(decide({ type: 'withdraw', reason: '已解决' }, asLead(buildProposal(people, { status: 'inReview' })))).toMatchObject({
      ok: false,
      code: 'wrongState',
      message: '本件当前为「审查中」，不能撤回',
    });
  });
});

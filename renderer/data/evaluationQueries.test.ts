import { describe, expect, it } from 'vitest';
import type { Delegate } from '../../shared/domain';
import { evaluationMachine, storedRound } from '../features/evaluations/evaluationTesting';
import { closeRound, publishResults, saveBallotDraft, submitBallot } from './evaluationCommands';
import { delegateRoundList, delegateRoundView, officeRoundList, officeRoundView } from './evaluationQueries';

type Machine = Awaited<ReturnType<typeof evaluationMachine>>;

async function vote(m: Machine, roundId: string, d: Delegate, body: string, secretary: string, comment = '') {
  const { repo, acting } = m.as(d);
  await submitBallot(repo, acting, roundId, { body, secretary }, comment);
}

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)]);
  return [];
}

describe('officeRoundView', () => {
  it('shows turnout by name while open, but withholds tallies and comments until the round is closed', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo);
    const [a, b, c, d] = m.delegates;
    await vote(m, round.id, b!, '优秀', '称职', '多下基层');
    await vote(m, round.id, d!, '称职', '称职');

    const open = (await officeRoundView(m.db, round.id))!;
    expect(open).toMatchObject({ eligible: 5, voted: 2, uncounted: 0 });
    expect(open.voters.map((p) => p.name)).toEqual([b!.name, d!.name]);
    expect(open.notVoted.map((p) => p.name)).toEqual([a!.name, c!.name, m.delegates[4]!.name]);
    expect(open.results).toBeUndefined();

    await vote(m, round.id, a!, '优秀', '优秀');
    await closeRound(m.repo, m.office, round.id);
    const closed = (await officeRoundView(m.db, round.id))!;
    expect(closed.results?.questions[0]?.grades?.map((g) => g.count)).toEqual([2, 1, 0, 0]);
    expect(closed.results?.comments).toEqual(['多下基层']);
    expect(closed.results?.smallGroup).toBe(false);
  });

  it('holds no ballot: no ballot ids, no answers, no voter next to a choice; swapping votes between voters changes nothing', async () => {
    const run = async (swap: boolean) => {
      const m = await evaluationMachine();
      const round = await storedRound(m.repo);
      const [a, b, c] = m.delegates;
      await vote(m, round.id, a!, swap ? '不称职' : '优秀', '称职', swap ? '' : '工作作风需改进');
      await vote(m, round.id, b!, '称职', '称职');
      await vote(m, round.id, c!, swap ? '优秀' : '不称职', '称职', swap ? '工作作风需改进' : '');
      await closeRound(m.repo, m.office, round.id);
      const view = (await officeRoundView(m.db, round.id))!;
      const ballots = await m.db.ballot.toArray();
      return { m, view, ballots };
    };
    const plain = await run(false);
    const swapped = await run(true);
    const strip = (v: NonNullable<Awaited<ReturnType<typeof officeRoundView>>>) => ({
      voters: v.voters.map((p) => p.name),
      notVoted: v.notVoted.map((p) => p.name),
      results: v.results,
      counts: [v.eligible, v.voted, v.uncounted],
    });
    expect(strip(swapped.view)).toEqual(strip(plain.view));

    const { view, ballots } = plain;
    expect(keysDeep(view)).not.toContain('answers');
    expect(keysDeep(view)).not.toContain('voterId');
    const text = JSON.stringify(view.results);
    for (const ballot of ballots) expect(JSON.stringify(view)).not.toContain(ballot.id);
    for (const d of plain.m.delegates) {
      expect(text).not.toContain(d.id);
      expect(text).not.toContain(d.name);
    }
  });

  it('flags a small group (fewer than 3 counted ballots)', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo);
    await vote(m, round.id, m.delegates[0]!, '优秀', '优秀');
    await closeRound(m.repo, m.office, round.id);
    expect((await officeRoundView(m.db, round.id))?.results?.smallGroup).toBe(true);
  });

  it('lists rounds newest first with turnout counts; null for a missing round', async () => {
    const m = await evaluationMachine();
    const older = await storedRound(m.repo, { opensAt: '2025-03-01T01:00:00.000Z', status: 'published' });
    const newer = await storedRound(m.repo, { voters: { kind: 'groups', activityGroupIds: [m.groups[0]!.id] } });
    await vote(m, newer.id, m.delegates[0]!, '优秀', '优秀');
    const list = await officeRoundList(m.db);
    expect(list.map((r) => [r.round.id, r.eligible, r.voted])).toEqual([
      [newer.id, 3, 1],
      [older.id, 5, 0],
    ]);
    expect(await officeRoundView(m.db, 'NOPE')).toBeNull();
  });
});

describe('delegate views', () => {
  it('lists only published (not draft) rounds the delegate may vote in, with their own state', async () => {
    const m = await evaluationMachine();
    const me = m.delegates[0]!;
    const draft = await storedRound(m.repo, { status: 'draft' });
    const otherGroup = await storedRound(m.repo, { voters: { kind: 'groups', activityGroupIds: [m.groups[1]!.id] } });
    const voted = await storedRound(m.repo);
    const drafted = await storedRound(m.repo);
    const untouched = await storedRound(m.repo, { voters: { kind: 'list', delegateIds: [me.id] } });
    await vote(m, voted.id, me, '优秀', '优秀');
    const { repo, acting } = m.as(me);
    await saveBallotDraft(repo, acting, drafted.id, { values: { body: '称职' }, comment: '' });

    const list = await delegateRoundList(m.db, me.id);
    const state = Object.fromEntries(list.map((r) => [r.round.id, r.mine]));
    expect(state).toEqual({ [voted.id]: 'submitted', [drafted.id]: 'draft', [untouched.id]: 'none' });
    expect(state).not.toHaveProperty(draft.id);
    expect(state).not.toHaveProperty(otherGroup.id);
    expect(await delegateRoundView(m.db, draft.id, me.id)).toBeNull();
    expect((await delegateRoundView(m.db, otherGroup.id, me.id))?.eligible).toBe(false);
  });

  it('shows the delegate their own last ballot, and the published tallies after the office publishes', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo);
    const [me, other] = m.delegates;
    await vote(m, round.id, other!, '不称职', '不称职');
    await vote(m, round.id, me!, '称职', '优秀', '建议');
    const view = (await delegateRoundView(m.db, round.id, me!.id))!;
    expect(view.ballot).toMatchObject({ values: { body: '称职', secretary: '优秀' }, comment: '建议' });
    expect(view.results).toBeUndefined();

    await closeRound(m.repo, m.office, round.id);
    await publishResults(m.repo, m.office, round.id);
    const published = (await delegateRoundView(m.db, round.id, me!.id))!;
    expect(published.results).toMatchObject({ voted: 2, eligible: 5 });
    expect(published.results?.questions[0]?.grades?.find((g) => g.option === '不称职')?.count).toBe(1);
  });
});

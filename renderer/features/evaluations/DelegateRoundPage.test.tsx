import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { pairId } from '../../../shared/domain';
import { readySession, renderInApp } from '../../testing/session';
import { loadBallotDraft } from '../../data/evaluationCommands';
import { EvaluationPage, EvaluationsPage } from './EvaluationsPage';
import { storedRound } from './evaluationTesting';

const WAIT = { timeout: 15000 };

function question(key: string) {
  return screen.getByTestId(`ballot-question-${key}`);
}

/** The radio input of one grade in one question (queried by text: role queries are very slow in jsdom). */
function radio(key: string, grade: string): HTMLInputElement {
  const label = within(question(key)).getByText(grade).closest('label');
  const input = label?.querySelector('input');
  if (!input) throw new Error(`no grade ${grade} in ${key}`);
  return input;
}

function choose(key: string, grade: string) {
  fireEvent.click(radio(key, grade));
}

describe('DelegateRoundPage: filling the ballot', { timeout: 120_000 }, () => {
  it('saves a draft on this machine only (no ballot row), returns to it, and discards it', async () => {
    const session = await readySession('delegate');
    const round = await storedRound(session.repo);
    renderInApp(<EvaluationPage roundId={round.id} />);

    await screen.findByTestId('ballot-form', {}, WAIT);
    expect(screen.getByText('评议票加密发送给常任办，只统计票数和比例，任何人都看不到您的选择。')).toBeInTheDocument();
    choose('body', '优秀');
    fireEvent.change(screen.getByTestId('ballot-comment'), { target: { value: '希望多深入基层' } });
    fireEvent.click(screen.getByTestId('ballot-save-draft'));
    await waitFor(async () => expect(await loadBallotDraft(session.db, round.id, session.me.id)).toMatchObject({ values: { body: '优秀' }, comment: '希望多深入基层' }), WAIT);
    expect(await session.db.ballot.count()).toBe(0);

    // Leave and come back: the draft is there.
    cleanup();
    renderInApp(<EvaluationPage roundId={round.id} />);
    expect(await screen.findByTestId('ballot-draft-note', {}, WAIT)).toBeInTheDocument();
    expect(radio('body', '优秀')).toBeChecked();
    expect(screen.getByTestId('ballot-comment')).toHaveValue('希望多深入基层');

    fireEvent.click(screen.getByTestId('ballot-discard-draft'));
    await waitFor(() => expect(screen.queryByTestId('ballot-draft-note')).not.toBeInTheDocument(), WAIT);
    expect(radio('body', '优秀')).not.toBeChecked();
    expect(await loadBallotDraft(session.db, round.id, session.me.id)).toBeUndefined();
  });

  it('refuses an incomplete ballot beside the question keeping the answers, submits, and changes it while open (same row)', async () => {
    const session = await readySession('delegate');
    const round = await storedRound(session.repo);
    renderInApp(<EvaluationPage roundId={round.id} />);
    await screen.findByTestId('ballot-form', {}, WAIT);
    choose('body', '优秀');
    fireEvent.change(screen.getByTestId('ballot-comment'), { target: { value: '希望多深入基层' } });

    fireEvent.click(screen.getByTestId('ballot-submit'));
    expect(await within(question('secretary')).findByText('请为“县委书记”选择评价等次', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('ballot-refusal')).toHaveTextContent('还有 1 项没有评价，请全部评价后再提交');
    expect(radio('body', '优秀')).toBeChecked();
    expect(screen.getByTestId('ballot-comment')).toHaveValue('希望多深入基层');
    expect(await session.db.ballot.count()).toBe(0);

    choose('secretary', '称职');
    await waitFor(() => expect(within(question('secretary')).queryByText('请为“县委书记”选择评价等次')).not.toBeInTheDocument(), WAIT);
    fireEvent.click(screen.getByTestId('ballot-submit'));
    expect(await screen.findByTestId('ballot-submitted', {}, WAIT)).toHaveTextContent('评议截止前可以修改，以最后一次提交为准');
    const id = pairId('ballot', round.id, session.me.id);
    expect(await session.db.ballot.get(id)).toMatchObject({ answers: [{ subjectId: 'body', grade: '优秀' }, { subjectId: 'secretary', grade: '称职' }], comment: '希望多深入基层' });

    // Changing it while the round is open: the same row, the last one counts.
    choose('body', '基本称职');
    fireEvent.click(screen.getByTestId('ballot-submit'));
    await waitFor(async () => expect((await session.db.ballot.get(id))?.answers[0]?.grade).toBe('基本称职'), WAIT);
    expect(screen.getByTestId('ballot-submit')).toHaveTextContent(/重新提交/);
    expect(await session.db.ballot.count()).toBe(1);
  });

  it('takes scores and criteria rated one by one', async () => {
    const session = await readySession('delegate');
    const round = await storedRound(session.repo, { scale: { kind: 'score', min: 0, max: 100 }, rateCriteria: true, criteria: ['德', '能'], subjects: [{ id: 's', name: '县委书记' }] });
    renderInApp(<EvaluationPage roundId={round.id} />);
    const input = (key: string) => question(key).querySelector('input')!;
    fireEvent.change(await screen.findByTestId('ballot-answer-s|德', {}, WAIT), { target: { value: '92' } });
    fireEvent.blur(input('s|德'));
    fireEvent.click(screen.getByTestId('ballot-submit'));
    expect(await within(question('s|能')).findByText('请为“县委书记”的“能”填写 0–100 之间的整数分数', {}, WAIT)).toBeInTheDocument();
    fireEvent.change(input('s|能'), { target: { value: '85' } });
    fireEvent.blur(input('s|能'));
    fireEvent.click(screen.getByTestId('ballot-submit'));
    await waitFor(async () => expect((await session.db.ballot.toArray())[0]?.answers).toEqual([
      { subjectId: 's', criterion: '德', score: 92 },
      { subjectId: 's', criterion: '能', score: 85 },
    ]), WAIT);
  });
});

describe('DelegateRoundPage: outside the window', { timeout: 120_000 }, () => {
  it('is locked after the round closes: the own ballot read-only, no buttons; then the published tallies', async () => {
    const session = await readySession('delegate');
    const round = await storedRound(session.repo);
    await session.repo.write((w) =>
      w.create('ballot', {
        id: pairId('ballot', round.id, session.me.id),
        roundId: round.id,
        voterId: session.me.id,
        answers: [
          { subjectId: 'body', grade: '优秀' },
          { subjectId: 'secretary', grade: '称职' },
        ],
        submittedAt: new Date().toISOString(),
      }),
    );
    await session.repo.write((w) => w.update('evaluationRound', round.id, { status: 'closed' }));
    renderInApp(<EvaluationPage roundId={round.id} />);
    expect(await screen.findByTestId('ballot-locked', {}, WAIT)).toHaveTextContent(/评议已结束。您已于 .* 提交评议票，不能再修改。/);
    expect(radio('body', '优秀')).toBeChecked();
    expect(radio('body', '称职')).toBeDisabled();
    expect(screen.queryByTestId('ballot-submit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('ballot-save-draft')).not.toBeInTheDocument();
    expect(screen.getByTestId('published-waiting')).toHaveTextContent('评议已结束，等待常任办公布结果。');

    // The office publishes; the round arrives by sync with its tallies.
    await session.repo.write((w) =>
      w.update('evaluationRound', round.id, {
        status: 'published',
        results: {
          publishedAt: new Date().toISOString(),
          eligible: 3,
          voted: 3,
          questions: [
            { subjectId: 'body', answered: 3, grades: [{ option: '优秀', count: 2, share: 2 / 3 }, { option: '称职', count: 1, share: 1 / 3 }, { option: '基本称职', count: 0, share: 0 }, { option: '不称职', count: 0, share: 0 }] },
            { subjectId: 'secretary', answered: 3, grades: [{ option: '优秀', count: 3, share: 1 }, { option: '称职', count: 0, share: 0 }, { option: '基本称职', count: 0, share: 0 }, { option: '不称职', count: 0, share: 0 }] },
          ],
        },
      }),
    );
    expect(await screen.findByTestId('published-summary', {}, WAIT)).toHaveTextContent('应参评 3 人，实际投票 3 人');
    const rows = screen.getAllByTestId('tally-row');
    expect(rows[0]).toHaveTextContent('县委领导班子');
    expect(rows[0]).toHaveTextContent('2 票 · 66.7%');
    expect(rows[1]).toHaveTextContent('3 票 · 100.0%');
  });

  it('is locked once the close time has passed even before the office closes it, and before it opens', async () => {
    const session = await readySession('delegate');
    const past = await storedRound(session.repo, { opensAt: '2026-01-01T01:00:00.000Z', closesAt: '2026-01-08T01:00:00.000Z' });
    renderInApp(<EvaluationPage roundId={past.id} />);
    expect(await screen.findByTestId('ballot-locked', {}, WAIT)).toHaveTextContent('评议已结束，您没有提交评议票。');
    expect(screen.queryByTestId('ballot-form')).not.toBeInTheDocument();

    cleanup();
    const future = await storedRound(session.repo, { opensAt: '2099-01-01T01:00:00.000Z', closesAt: '2099-01-08T01:00:00.000Z' });
    renderInApp(<EvaluationPage roundId={future.id} />);
    expect(await screen.findByTestId('ballot-not-open', {}, WAIT)).toHaveTextContent('评议尚未开始，开始时间为 2099-01-01 09:00');
    expect(radio('body', '优秀')).toBeDisabled();
    expect(screen.queryByTestId('ballot-submit')).not.toBeInTheDocument();
  });

  it('tells a delegate outside the voters that they are not among them, and lists only their rounds', async () => {
    const session = await readySession('delegate');
    const others = session.delegates.filter((d) => d.id !== session.me.id).map((d) => d.id);
    const notMine = await storedRound(session.repo, { title: '第二活动组代表评议', voters: { kind: 'list', delegateIds: others } });
    const mine = await storedRound(session.repo, { title: '全体代表民主评议' });
    await storedRound(session.repo, { title: '尚未发布的评议', status: 'draft' });
    renderInApp(<EvaluationPage roundId={notMine.id} />);
    expect(await screen.findByText('您不在这次评议的参评代表范围内', {}, WAIT)).toBeInTheDocument();
    expect(screen.queryByTestId('ballot-form')).not.toBeInTheDocument();

    cleanup();
    renderInApp(<EvaluationsPage />);
    const links = await screen.findAllByTestId('round-link', {}, WAIT);
    expect(links.map((l) => l.textContent)).toEqual([mine.title]);
    expect(screen.getByTestId('round-mine')).toHaveTextContent('未投票');
  });
});

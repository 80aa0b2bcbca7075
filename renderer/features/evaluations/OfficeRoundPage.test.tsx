import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { pairId, type EvaluationRound } from '../../../shared/domain';
import { useRouter } from '../../app/router';
import { readySession, renderInApp } from '../../testing/session';
import { EvaluationPage, EvaluationsPage } from './EvaluationsPage';
import { storedRound } from './evaluationTesting';

const WAIT = { timeout: 15000 };
const GRADES = ['优秀', '称职', '基本称职', '不称职'];

type Session = Awaited<ReturnType<typeof readySession>>;

/** Ballots as they arrive from the delegates' machines by sync: [body, secretary, comment?] per delegate. */
async function ballotsArrive(session: Session, round: EvaluationRound, votes: [string, string, string?][]) {
  await session.repo.write(async (w) => {
    for (const [i, [body, secretary, comment]] of votes.entries()) {
      const voter = session.delegates[i]!;
      await w.create('ballot', {
        id: pairId('ballot', round.id, voter.id),
        roundId: round.id,
        voterId: voter.id,
        answers: [
          { subjectId: 'body', grade: body },
          { subjectId: 'secretary', grade: secretary },
        ],
        ...(comment ? { comment } : {}),
        submittedAt: new Date().toISOString(),
      });
    }
  });
}

async function confirm(buttonTestId: string) {
  fireEvent.click(await screen.findByTestId(buttonTestId, {}, WAIT));
  // By text: role queries are very slow in jsdom. antd spaces two-character Chinese button labels.
  fireEvent.click(await screen.findByText(/^确\s*定$/, {}, WAIT));
}

describe('OfficeRoundPage: results', { timeout: 120_000 }, () => {
  it('shows turnout by name, tallies and anonymous comments — and never a name next to a choice', async () => {
    const session = await readySession('office');
    const round = await storedRound(session.repo, { status: 'closed' });
    await ballotsArrive(session, round, [
      ['优秀', '不称职', '工作作风需要改进'],
      ['优秀', '称职'],
      ['称职', '称职', '希望多深入基层'],
    ]);
    renderInApp(<EvaluationPage roundId={round.id} />);

    const turnout = await screen.findByTestId('turnout-panel', {}, WAIT);
    expect(within(turnout).getByTestId('turnout-summary')).toHaveTextContent('应参评 3 人，已投票 3 人（100.0%）');
    expect(within(turnout).getAllByTestId('turnout-voted-person').map((e) => e.textContent)).toEqual(['张建国', '李晓梅', '王德明']);

    const results = await screen.findByTestId('results-panel', {}, WAIT);
    const rows = within(results).getAllByTestId('tally-row');
    expect(rows[0]).toHaveTextContent('县委领导班子');
    expect(rows[0]).toHaveTextContent('2 票 · 66.7%');
    expect(rows[0]).toHaveTextContent('1 票 · 33.3%');
    expect(rows[1]).toHaveTextContent('县委书记');
    expect(screen.getAllByTestId('comment').map((e) => e.textContent).sort()).toEqual(['工作作风需要改进', '希望多深入基层'].sort());
    expect(screen.queryByTestId('results-small-group')).not.toBeInTheDocument();

    // Names only in the turnout list, which holds no choice and no comment; tallies and comments hold no name.
    const comments = screen.getByTestId('comments-panel');
    for (const d of session.delegates) {
      expect(results.textContent).not.toContain(d.name);
      expect(comments.textContent).not.toContain(d.name);
    }
    for (const text of [...GRADES, '工作作风需要改进', '希望多深入基层']) expect(turnout.textContent).not.toContain(text);
    // Nowhere on the page does a name sit in the same row or card as a grade, apart from the scale's description.
    for (const name of session.delegates.map((d) => d.name)) {
      for (const holder of screen.getAllByText(name)) {
        const container = holder.closest('[data-testid="turnout-panel"]');
        expect(container, `${name} outside the turnout list`).not.toBeNull();
      }
    }
  });

  it('warns when fewer than 3 delegates voted', async () => {
    const session = await readySession('office');
    const round = await storedRound(session.repo, { status: 'closed' });
    await ballotsArrive(session, round, [['优秀', '优秀']]);
    renderInApp(<EvaluationPage roundId={round.id} />);
    expect(await screen.findByTestId('results-small-group', {}, WAIT)).toHaveTextContent('已投票的代表不足 3 人：统计结果可能暴露个人的投票内容');
    expect(within(screen.getByTestId('turnout-panel')).getAllByTestId('turnout-not-voted-person').map((e) => e.textContent)).toEqual(['李晓梅', '王德明']);
  });

  it('withholds tallies while the round is open, then closes it and publishes the tallies on the round', async () => {
    const session = await readySession('office');
    const round = await storedRound(session.repo);
    await ballotsArrive(session, round, [
      ['优秀', '称职', '意见'],
      ['称职', '称职'],
      ['优秀', '优秀'],
    ]);
    renderInApp(<EvaluationPage roundId={round.id} />);
    expect(await screen.findByTestId('results-withheld', {}, WAIT)).toHaveTextContent('为保护投票秘密，评议结束后才显示统计结果');
    expect(screen.queryByTestId('tally-table')).not.toBeInTheDocument();
    expect(screen.queryByText('意见')).not.toBeInTheDocument();
    expect(screen.getByTestId('turnout-summary')).toHaveTextContent('已投票 3 人');

    await confirm('round-close');
    await waitFor(async () => expect((await session.db.evaluationRound.get(round.id))?.status).toBe('closed'), WAIT);
    expect(await screen.findByTestId('tally-table', {}, WAIT)).toBeInTheDocument();

    await confirm('round-publish');
    await waitFor(async () => expect((await session.db.evaluationRound.get(round.id))?.status).toBe('published'), WAIT);
    const stored = (await session.db.evaluationRound.get(round.id))!;
    expect(stored.results).toMatchObject({ eligible: 3, voted: 3 });
    expect(stored.results?.questions[0]?.grades?.map((g) => g.count)).toEqual([2, 1, 0, 0]);
    expect(JSON.stringify(stored.results)).not.toContain('意见');
    expect(await screen.findByTestId('round-published-at', {}, WAIT)).toHaveTextContent('结果已于');
  });
});

describe('OfficeRoundPage: defining and publishing', { timeout: 120_000 }, () => {
  it('creates a round from the list, opens its page, and publishes it to the delegates', async () => {
    const session = await readySession('office');
    renderInApp(<EvaluationsPage />);
    fireEvent.click(await screen.findByTestId('round-new', {}, WAIT));
    fireEvent.change(await screen.findByTestId('round-title', {}, WAIT), { target: { value: '县纪委领导班子民主评议' } });
    fireEvent.change(screen.getByTestId('round-subject-name-0'), { target: { value: '县纪委领导班子' } });
    fireEvent.click(screen.getByText('满意 / 基本满意 / 不满意'));
    fireEvent.click(screen.getByTestId('round-save'));
    await waitFor(() => expect(useRouter.getState().route.name).toBe('evaluation'), WAIT);
    const [round] = await session.db.evaluationRound.toArray();
    expect(round).toMatchObject({ title: '县纪委领导班子民主评议', status: 'draft', scale: { kind: 'grades', options: ['满意', '基本满意', '不满意'] } });

    renderInApp(<EvaluationPage roundId={round!.id} />);
    expect(await screen.findByTestId('results-withheld', {}, WAIT)).toHaveTextContent('评议发布并结束后才有统计结果');
    await confirm('round-open');
    await waitFor(async () => expect((await session.db.evaluationRound.get(round!.id))?.status).toBe('open'), WAIT);
    expect(await screen.findByTestId('turnout-panel', {}, WAIT)).toBeInTheDocument();
    expect(screen.queryByTestId('round-edit')).not.toBeInTheDocument();
  });
});

import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readySession, renderInApp } from '../../testing/session';
import { useRouter } from '../../app/router';
import { prepareBlob } from '../../data/repository';
import { seedAnsweredProposal, seedMerge, seedNextRound, seedProposalInReview } from './handlingTesting';
import { ProposalView } from './ProposalView';

const SLOW = { timeout: 15000 };

/** The delegate's machine (acting as the first delegate) after the office's 交办 and 答复 have arrived. */
async function answeredForMe(role: 'lead' | 'cosigner' = 'lead') {
  const session = await readySession();
  const [me, other] = session.delegates;
  const units = (await session.db.handlingUnit.toArray()).sort((a, b) => a.sortOrder - b.sortOrder);
  const options = {
    leadDelegateId: role === 'lead' ? me!.id : other!.id,
    invitedCosignerIds: role === 'lead' ? [other!.id] : [me!.id],
    categoryId: session.categories[0]!.id,
    unitIds: units.map((u) => u.id),
  };
  const seed = await seedAnsweredProposal(session.repo, options);
  return { ...session, seed, options, units };
}

function choose(group: string, label: RegExp) {
  fireEvent.click(within(screen.getByTestId(`rating-${group}`)).getByLabelText(label));
}

describe('办理情况 on the proposal page', () => {
  it('shows who handles it and the reply: units, deadline, 文号, class with its meaning, the scanned letter', async () => {
    const { seed, repo } = await answeredForMe();
    const blob = await prepareBlob(new TextEncoder().encode('%PDF-1.4 答复函'), 'application/pdf');
    await repo.write(async (w) => {
      const sha256 = await w.putBlob(blob);
      await w.create('attachment', { ownerEntity: 'reply', ownerId: seed.replies[0]!.id, fileName: '答复函.pdf', mimeType: 'application/pdf', size: blob.bytes.byteLength, sha256 });
    });
    renderInApp(<ProposalView proposalId={seed.proposal.id} />);
    const section = await screen.findByTestId('handling-section', {}, SLOW);
    const units = await within(section).findByTestId('handling-units', {}, SLOW);
    expect(units).toHaveTextContent('县教育局');
    expect(units).toHaveTextContent('县卫生健康局');
    expect(within(section).getByTestId('handling-deadline')).toHaveTextContent(seed.assignment.deadline);
    const reply = within(section).getByTestId('reply-card');
    expect(within(reply).getByTestId('reply-document-number')).toHaveTextContent('某教函〔2026〕11号');
    expect(within(reply).getByTestId('reply-class')).toHaveTextContent('A类 · 所提问题已经解决或建议已被采纳');
    expect(within(reply).getByTestId('reply-text')).toHaveTextContent('年内完成12个村的管网更新');
    expect(within(reply).getByTestId('reply-adopted')).toHaveTextContent('供水管网改造');
    expect(await within(reply).findByText('答复函.pdf', { exact: false }, SLOW)).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: /下\s*载/ })).toBeInTheDocument();
    expect(within(section).getByTestId('handling-stage')).toHaveTextContent('请您对答复进行满意度测评');
  });

  it('asks for the overall rating beside the field and writes nothing without it', async () => {
    const { seed, db } = await answeredForMe();
    renderInApp(<ProposalView proposalId={seed.proposal.id} />);
    fireEvent.click(await screen.findByTestId('rating-submit', {}, SLOW));
    const item = screen.getByTestId('rating-overall-item');
    await within(item).findByText('请选择总体评价：满意、基本满意或不满意', {}, SLOW);
    expect(await db.replyRating.count()).toBe(0);
  });

  it('explains that 不满意 sends it back for re-handling within a month, and wants a reason', async () => {
    const { seed, db } = await answeredForMe();
    renderInApp(<ProposalView proposalId={seed.proposal.id} />);
    await screen.findByTestId('rating-form', {}, SLOW);
    expect(screen.queryByTestId('rating-unsatisfied-note')).toBeNull();
    choose('overall', /^不满意$/);
    expect(await screen.findByTestId('rating-unsatisfied-note')).toHaveTextContent('重新办理，新的办理期限一般为 1 个月');
    fireEvent.click(screen.getByTestId('rating-submit'));
    await within(screen.getByTestId('rating-comment-item')).findByText('选择“不满意”时，请写明不满意的原因，便于承办单位重新办理', {}, SLOW);
    expect(await db.replyRating.count()).toBe(0);
  });

  it('saves the rating as one row, leaves the status to the office, and then shows it read-only', async () => {
    const { seed, db, me } = await answeredForMe();
    renderInApp(<ProposalView proposalId={seed.proposal.id} />);
    await screen.findByTestId('rating-form', {}, SLOW);
    choose('overall', /^基本满意$/);
    choose('handlingWork', /^满意$/);
    choose('result', /^基本满意$/);
    fireEvent.change(screen.getByTestId('rating-comment'), { target: { value: '希望年内全部完工' } });
    fireEvent.click(screen.getByTestId('rating-submit'));

    const summary = await screen.findByTestId('rating-summary', {}, SLOW);
    expect(within(summary).getByTestId('rating-summary-overall')).toHaveTextContent('基本满意');
    expect(summary).toHaveTextContent('希望年内全部完工');
    expect(screen.queryByTestId('rating-form')).toBeNull();
    expect(screen.getByTestId('handling-stage')).toHaveTextContent('已测评，等待常任办确认');

    const rows = await db.replyRating.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ replyId: seed.replies[0]!.id, delegateId: me.id, overall: 'basicallySatisfied', handlingWork: 'satisfied', result: 'basicallySatisfied' });
    expect((await db.proposal.get(seed.proposal.id))?.status).toBe('replied');
    // The timeline tells the step in words.
    await waitFor(() => expect(screen.getByTestId('proposal-timeline')).toHaveTextContent('满意度测评'), SLOW);
    expect(screen.getByTestId('proposal-timeline')).toHaveTextContent('总体评价：基本满意');
  });

  it('offers the second round’s reply for rating after 重新办理, keeping the first round’s rating shown', async () => {
    const { seed, repo, options, acting } = await answeredForMe();
    const { rateReply } = await import('../../data/ratingCommands');
    await rateReply(repo, seed.proposal.id, acting, { replyId: seed.replies[0]!.id, overall: 'unsatisfied', comment: '没有时间表' });
    await seedNextRound(repo, seed, options);
    renderInApp(<ProposalView proposalId={seed.proposal.id} />);
    const second = await screen.findByTestId('reply-round-2', {}, SLOW);
    expect(within(second).getByTestId('rating-form')).toBeInTheDocument();
    const first = screen.getByTestId('reply-round-1');
    expect(within(first).getByTestId('rating-summary-overall')).toHaveTextContent('不满意');
    expect(within(first).queryByTestId('rating-form')).toBeNull();
  });

  it('shows a co-signer the reply but no rating form, and says who rates', async () => {
    const { seed } = await answeredForMe('cosigner');
    renderInApp(<ProposalView proposalId={seed.proposal.id} />);
    const section = await screen.findByTestId('handling-section', {}, SLOW);
    expect(await within(section).findByTestId('reply-card', {}, SLOW)).toBeInTheDocument();
    expect(within(section).getByTestId('rating-unavailable')).toHaveTextContent('满意度测评由领衔人填写');
    expect(within(section).queryByTestId('rating-form')).toBeNull();
  });
});

describe('并案 links on the proposal page', () => {
  it('lists the proposals merged into this one, each a link', async () => {
    const { seed, repo, delegates } = await answeredForMe();
    const merged = await seedMerge(repo, await seedProposalInReview(repo, delegates[1]!.id, '关于解决山区饮水困难的建议'), seed.proposal);
    renderInApp(<ProposalView proposalId={seed.proposal.id} />);
    const list = await screen.findByTestId('merged-here', {}, SLOW);
    const link = within(list).getByText('关于解决山区饮水困难的建议');
    fireEvent.click(link);
    expect(useRouter.getState().route).toEqual({ name: 'proposalView', id: merged.id });
  });

  it('shows a merged author the target and its reply, without a rating form', async () => {
    const session = await readySession();
    const [me, other] = session.delegates;
    const units = await session.db.handlingUnit.toArray();
    const target = await seedAnsweredProposal(session.repo, { leadDelegateId: other!.id, unitIds: [units[0]!.id], title: '关于加强农村饮水安全保障的建议' });
    const mine = await seedMerge(session.repo, await seedProposalInReview(session.repo, me!.id, '关于解决山区饮水困难的建议'), target.proposal);
    renderInApp(<ProposalView proposalId={mine.id} />);
    const into = await screen.findByTestId('merged-into', {}, SLOW);
    expect(within(into).getByTestId('merge-link')).toHaveTextContent('关于加强农村饮水安全保障的建议');
    const section = await screen.findByTestId('handling-section', {}, SLOW);
    expect(await within(section).findByTestId('reply-class', {}, SLOW)).toHaveTextContent('A类');
    expect(within(section).getByTestId('rating-unavailable')).toHaveTextContent('您的提案已并入此件办理');
    expect(within(section).queryByTestId('rating-form')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { newId } from '../../../shared/domain';
import { readySession, renderInApp } from '../../testing/session';
import { ReviewPage } from './ReviewPage';
import { applyRemoteChange, proposalAtOffice } from './reviewTesting';

/** jsdom renders antd slowly, more so on a busy machine: wait generously for what the screen will show. */
const WAIT = { timeout: 15000 };

function chooseStep(label: string) {
  const step = within(screen.getByTestId('decision-steps')).getByText(label);
  fireEvent.click(step);
}

async function pickOption(testId: string, optionTitle: string) {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  fireEvent.click(await screen.findByTitle(optionTitle, {}, WAIT));
}

describe('ReviewPage (审查)', { timeout: 60_000 }, () => {
  it('shows the submission with its co-signers’ confirmations', async () => {
    const session = await readySession('office');
    const [, li, wang] = session.delegates;
    const p = await proposalAtOffice(session, { title: '关于加强农村饮水安全保障的提议', invitedCosignerIds: [li!.id, wang!.id] });
    await session.repo.write((w) => w.create('cosignature', { proposalId: p.id, delegateId: li!.id, status: 'confirmed', respondedAt: new Date().toISOString() }));
    renderInApp(<ReviewPage proposalId={p.id} />);
    expect(await screen.findByTestId('review-title', {}, WAIT)).toHaveTextContent('关于加强农村饮水安全保障的提议');
    const cosigners = screen.getByTestId('review-cosigners');
    expect(cosigners).toHaveTextContent('已确认 1 / 邀请 2');
    expect(cosigners).toHaveTextContent('李晓梅 · 已确认');
    expect(cosigners).toHaveTextContent('王德明 · 待确认');
    expect(screen.getByText('部分山区村组仍存在季节性缺水，供水设施老化，水质检测覆盖不足。')).toBeInTheDocument();
  });

  it('立案 gives 第1号, then the next proposal 第2号: gap-free, in order', async () => {
    const session = await readySession('office');
    const first = await proposalAtOffice(session, { title: '关于建设乡镇养老服务中心的提议' });
    const second = await proposalAtOffice(session, { title: '关于改善乡村道路的提议', status: 'inReview' });

    const view = renderInApp(<ReviewPage proposalId={first.id} />);
    await screen.findByTestId('decision-steps', {}, WAIT);
    chooseStep('立案');
    expect(await screen.findByTestId('accept-next-number', {}, WAIT)).toHaveTextContent('立案后编为第1号');
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(async () => expect(await session.db.proposal.get(first.id)).toMatchObject({ status: 'accepted', number: 1 }), WAIT);
    expect(await screen.findByTestId('decision-outcome', {}, WAIT)).toHaveTextContent('立案 第1号');
    view.unmount();

    renderInApp(<ReviewPage proposalId={second.id} />);
    // From 审查中 the first step offered is 立案 itself.
    expect(await screen.findByTestId('accept-next-number', {}, WAIT)).toHaveTextContent('立案后编为第2号');
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(async () => expect((await session.db.proposal.get(second.id))?.number).toBe(2), WAIT);
  });

  it('不予立案 needs a reason: the error shows beside the field and nothing changes', async () => {
    const session = await readySession('office');
    const p = await proposalAtOffice(session, { title: '关于解决本人子女就业问题的建议' });
    renderInApp(<ReviewPage proposalId={p.id} />);
    await screen.findByTestId('decision-steps', {}, WAIT);
    chooseStep('不予立案');
    fireEvent.click(await screen.findByTestId('decision-submit', {}, WAIT));
    const field = screen.getByTestId('reject-reason-item');
    expect(await within(field).findByText('请选择不予立案理由', {}, WAIT)).toBeInTheDocument();
    expect((await session.db.proposal.get(p.id))?.status).toBe('received');

    await pickOption('reject-reason', '涉及个人私事');
    fireEvent.change(screen.getByTestId('reject-text'), { target: { value: '请通过信访渠道反映' } });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(async () =>
      expect(await session.db.proposal.get(p.id)).toMatchObject({ status: 'rejected', review: { decision: 'reject', reasonCode: 'personal', reasonText: '请通过信访渠道反映' } }), WAIT);
    expect(await screen.findByTestId('decision-outcome', {}, WAIT)).toHaveTextContent('不予立案涉及个人私事请通过信访渠道反映');
  });

  it('并案 from the similar list: the merged one names its target, and the target lists it under 并入本案的提案', async () => {
    const session = await readySession('office');
    const target = await proposalAtOffice(session, {
      title: '关于加强农村饮水安全保障的提议',
      status: 'accepted',
      number: 3,
      review: { decision: 'accept', decidedBy: session.acting.actorId, decidedAt: new Date().toISOString() },
    });
    await proposalAtOffice(session, { title: '关于缓解城区停车难问题的建议', background: '城区停车位严重不足，占道停车现象突出。', recommendations: '建设公共停车场，规范路边停车。' });
    const p = await proposalAtOffice(session, {
      title: '关于保障农村饮水安全的提议',
      background: '部分村组自来水管网老化，水质检测不足，群众饮水安全存在隐患。',
      recommendations: '加快供水管网改造，定期开展水质检测。',
    });

    const view = renderInApp(<ReviewPage proposalId={p.id} />);
    const items = await screen.findAllByTestId('review-similar-item', {}, WAIT);
    expect(items[0]).toHaveTextContent('关于加强农村饮水安全保障的提议');
    expect(items[0]).toHaveTextContent(/相似度 \d+%/);
    expect(items.some((item) => item.textContent?.includes('停车'))).toBe(false);
    fireEvent.click(within(items[0]!).getByTestId('merge-into-this'));
    // 并案 is now the chosen step, with the target filled in.
    await waitFor(() => expect(screen.getByTestId('merge-target')).toHaveTextContent('第3号 · 关于加强农村饮水安全保障的提议'), WAIT);
    fireEvent.change(screen.getByTestId('merge-reason'), { target: { value: '内容相近，并案办理' } });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(async () => expect(await session.db.proposal.get(p.id)).toMatchObject({ status: 'merged', review: { mergedIntoId: target.id } }), WAIT);
    expect(await screen.findByTestId('merged-into', {}, WAIT)).toHaveTextContent('已并入：关于加强农村饮水安全保障的提议');
    view.unmount();

    renderInApp(<ReviewPage proposalId={target.id} />);
    const mergedHere = await screen.findByTestId('merged-here', {}, WAIT);
    expect(mergedHere).toHaveTextContent('并入本案的提案');
    expect(mergedHere).toHaveTextContent('关于保障农村饮水安全的提议');
  });

  it('并案 without a target is refused beside the field', async () => {
    const session = await readySession('office');
    const p = await proposalAtOffice(session, { title: '关于加强社区治理的提议' });
    renderInApp(<ReviewPage proposalId={p.id} />);
    await screen.findByTestId('decision-steps', {}, WAIT);
    chooseStep('并案');
    fireEvent.click(await screen.findByTestId('decision-submit', {}, WAIT));
    expect(await within(screen.getByTestId('merge-target-item')).findByText('请选择并入的提案', {}, WAIT)).toBeInTheDocument();
    expect((await session.db.proposal.get(p.id))?.status).toBe('received');
  });

  it('on an office machine that is not the numbering machine, 立案 is unavailable and says why; other decisions are offered', async () => {
    const session = await readySession('office');
    const numberingPc = newId();
    const settings = (await session.db.congressSettings.toArray())[0]!;
    await session.repo.write((w) => w.update('congressSettings', settings.id, { numberingDeviceId: numberingPc }));
    const p = await proposalAtOffice(session, { title: '关于发展居家养老服务的提议', status: 'inReview' });
    renderInApp(<ReviewPage proposalId={p.id} />);

    const why = await screen.findByTestId('unavailable-accept', {}, WAIT);
    expect(why).toHaveTextContent(`立案：立案编号由编号专用电脑（…${numberingPc.slice(-6)}）统一给出`);
    expect(screen.getByTestId('step-accept').closest('label')?.querySelector('input')).toBeDisabled();
    expect(screen.queryByTestId('accept-next-number')).not.toBeInTheDocument();
    // 预审 is over (审查中), so the first decision offered is 并案.
    expect(screen.getByTestId('merge-target')).toBeInTheDocument();
  });

  it('receives a submission from its page', async () => {
    const session = await readySession('office');
    const p = await proposalAtOffice(session, { title: '关于完善农村医疗保障的提议', status: 'submitted' });
    renderInApp(<ReviewPage proposalId={p.id} />);
    fireEvent.click(await screen.findByTestId('review-receive', {}, WAIT));
    await waitFor(async () => expect((await session.db.proposal.get(p.id))?.status).toBe('received'), WAIT);
    expect(await screen.findByTestId('decision-steps', {}, WAIT)).toBeInTheDocument();
  });

  it('shows a decision conflict with both decisions and who made them; 以此为准 settles it', async () => {
    const session = await readySession('office');
    const p = await proposalAtOffice(session, { title: '关于治理城区交通拥堵的提议' });
    renderInApp(<ReviewPage proposalId={p.id} />);
    await screen.findByTestId('decision-steps', {}, WAIT);
    chooseStep('立案');
    fireEvent.click(await screen.findByTestId('decision-submit', {}, WAIT));
    await waitFor(async () => expect((await session.db.proposal.get(p.id))?.number).toBe(1), WAIT);

    // Meanwhile another office PC, offline, decided 不予立案; its change arrives by sync and wins last-writer-wins.
    const decidedAt = new Date().toISOString();
    await applyRemoteChange(
      session.repo,
      p.id,
      'reject',
      { status: 'rejected', review: { decision: 'reject', reasonCode: 'empty', decidedBy: session.acting.actorId, decidedAt } },
      { kind: 'staff', id: session.acting.actorId, name: '王干事' },
    );
    const banner = await screen.findByTestId('decision-conflict', {}, WAIT);
    const sides = within(banner).getAllByTestId('conflict-side');
    expect(sides).toHaveLength(2);
    expect(sides[0]).toHaveTextContent('立案 第1号');
    expect(sides[0]).toHaveTextContent('刘秘书 记录于');
    expect(sides[1]).toHaveTextContent('不予立案内容空泛，无具体建议');
    expect(sides[1]).toHaveTextContent('王干事 记录于');
    expect(sides[1]).toHaveTextContent('目前生效');

    fireEvent.click(within(sides[0]!).getByTestId('conflict-choose'));
    fireEvent.click(await screen.findByRole('button', { name: /^确\s?定$/ }, WAIT));
    await waitFor(() => expect(screen.queryByTestId('decision-conflict')).not.toBeInTheDocument(), WAIT);
    expect(await session.db.proposal.get(p.id)).toMatchObject({ status: 'accepted', number: 1, review: { decision: 'accept' } });
  });
});

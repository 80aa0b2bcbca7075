import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { pairId } from '../../../shared/domain';
import { readySession, renderInApp } from '../../testing/session';
import { VisitPage } from './VisitsPage';
import { visitFromOffice, WAIT } from './visitTesting';

type Session = Awaited<ReturnType<typeof readySession>>;

/** What the delegates' machines wrote, as it arrives at the office by sync. */
async function delegatesReported(session: Session, visitId: string) {
  const [zhang, li] = session.delegates;
  const as = (id: string, name: string) => ({ actor: { kind: 'delegate' as const, id, name } });
  const checkedInAt = '2026-05-12T00:40:00.000Z';
  await session.repo.write(async (w) => {
    const record = await w.create(
      'visitParticipation',
      { id: pairId('visitParticipation', visitId, zhang!.id), visitId, delegateId: zhang!.id, response: 'accepted', checkedInAt, notes: '石门村供水管网老化，群众反映停水频繁。' },
      as(zhang!.id, zhang!.name),
    );
    await w.create('visitParticipation', { visitId, delegateId: li!.id, response: 'declined', notes: '' }, as(li!.id, li!.name));
    const attachment = await w.create(
      'attachment',
      { ownerEntity: 'visitNote', ownerId: record.id, fileName: 'IMG_0001.jpg', mimeType: 'image/jpeg', size: 4, sha256: 'a'.repeat(64) },
      as(zhang!.id, zhang!.name),
    );
    await w.create(
      'visitPhoto',
      { visitId, delegateId: zhang!.id, attachmentId: attachment.id, caption: '供水站沉淀池', takenAt: '2026-05-12T02:15:00.000Z', originalSha256: 'b'.repeat(64) },
      as(zhang!.id, zhang!.name),
    );
  });
  return { zhang: zhang!, li: li!, checkedInAt };
}

describe('the office’s visit', { timeout: 120_000 }, () => {
  it('shows attendance, everyone’s notes and photos after sync', async () => {
    const session = await readySession('office');
    const visit = await visitFromOffice(session, { invitedDelegateIds: session.delegates.map((d) => d.id) });
    const { zhang, li } = await delegatesReported(session, visit.id);
    renderInApp(<VisitPage visitId={visit.id} />);

    expect(await screen.findByTestId('attendance-counts', {}, WAIT)).toHaveTextContent('邀请 3 人 · 参加 1 · 不参加 1 · 未答复 1 · 已签到 1 · 照片 1 张');
    const zhangRow = within(screen.getByTestId(`attendance-row-${zhang.id}`));
    expect(zhangRow.getByText('参加')).toBeInTheDocument();
    expect(zhangRow.getByText('2026-05-12 08:40')).toBeInTheDocument();
    expect(zhangRow.getByText('已填写')).toBeInTheDocument();
    expect(within(screen.getByTestId(`attendance-row-${li.id}`)).getByText('不参加')).toBeInTheDocument();
    expect(within(screen.getByTestId(`attendance-row-${session.delegates[2]!.id}`)).getByText('未答复')).toBeInTheDocument();

    expect(within(screen.getByTestId('field-notes')).getByTestId('field-note')).toHaveTextContent('张建国石门村供水管网老化，群众反映停水频繁。');
    const photos = within(screen.getByTestId('all-photos'));
    expect(photos.getAllByTestId('photo-card')).toHaveLength(1);
    expect(photos.getByTestId('photo-caption')).toHaveTextContent('供水站沉淀池');
    expect(photos.getByTestId('photo-by')).toHaveTextContent('张建国 拍摄');
    expect(photos.getByTestId('photo-time')).toHaveTextContent('2026-05-12 10:15');
    // The bytes have not arrived: the photo says so instead of failing.
    await waitFor(() => expect(photos.getByTestId('photo-placeholder')).toHaveTextContent('照片尚未同步到本机'), WAIT);
    // The office cannot edit delegates' photos.
    expect(photos.queryByTestId('photo-edit')).not.toBeInTheDocument();
  });

  it('refuses to close without the report beside the field, then closes with it', async () => {
    const session = await readySession('office');
    const visit = await visitFromOffice(session);
    renderInApp(<VisitPage visitId={visit.id} />);
    fireEvent.click(await screen.findByTestId('visit-close', {}, WAIT));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定/ }, WAIT));
    expect(await within(screen.getByTestId('visit-summary-item')).findByText('请先填写视察报告，再结束视察', {}, WAIT)).toBeInTheDocument();
    expect((await session.db.visit.get(visit.id))?.status).toBe('planned');

    const report = '5月12日，第一活动组党代表实地察看了城关镇水厂和石门村供水站，提出加快管网改造等建议。';
    fireEvent.change(screen.getByTestId('visit-summary'), { target: { value: report } });
    fireEvent.click(screen.getByTestId('visit-close'));
    const confirms = await screen.findAllByRole('button', { name: /确\s*定/ }, WAIT);
    fireEvent.click(confirms.at(-1)!);
    await waitFor(async () => expect(await session.db.visit.get(visit.id)).toMatchObject({ status: 'closed', summary: report }), WAIT);
    expect(await screen.findByTestId('visit-summary-text', {}, WAIT)).toHaveTextContent(report);
    expect(screen.getByTestId('visit-phase')).toHaveTextContent('已归档');
    expect(screen.queryByTestId('visit-edit')).not.toBeInTheDocument();
  });

  it('cancelling needs a reason and leaves a tombstone', async () => {
    const session = await readySession('office');
    const visit = await visitFromOffice(session);
    renderInApp(<VisitPage visitId={visit.id} />);
    fireEvent.click(await screen.findByTestId('visit-cancel', {}, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消视察' }));
    expect(await within(dialog).findByText('请填写取消原因', {}, WAIT)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByTestId('visit-cancel-reason'), { target: { value: '汛期道路中断' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '取消视察' }));
    await waitFor(async () => expect((await session.db.visit.get(visit.id))?.deletedAt).toBeDefined(), WAIT);
    const last = (await session.db.changes.where('[entity+entityId]').equals(['visit', visit.id]).toArray()).at(-1);
    expect(last).toMatchObject({ op: 'delete', action: 'cancelVisit', reason: '汛期道路中断' });
  });
});

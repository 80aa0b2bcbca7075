import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRouter } from '../../app/router';
import { readySession, renderInApp } from '../../testing/session';
import { addDays } from '../../../shared/lifecycle';
import { today } from './dates';
import { PhotoResizerProvider } from './PhotoTools';
import { VisitPage } from './VisitsPage';
import { fakeResizer, photoFile, visitFromOffice, WAIT } from './visitTesting';

describe('a delegate’s visit', { timeout: 120_000 }, () => {
  it('accepts the invitation, then checks in on the day', async () => {
    const session = await readySession('delegate');
    const visit = await visitFromOffice(session);
    renderInApp(<VisitPage visitId={visit.id} />);
    expect(await screen.findByTestId('visit-topic', {}, WAIT)).toHaveTextContent('农村饮水安全工程建设情况');
    expect(screen.getByTestId('participation-status')).toHaveTextContent('请答复是否参加');

    fireEvent.click(screen.getByTestId('visit-accept'));
    await waitFor(() => expect(screen.getByTestId('participation-status')).toHaveTextContent('已答复参加'), WAIT);
    expect((await session.db.visitParticipation.toArray())[0]).toMatchObject({ delegateId: session.me.id, response: 'accepted' });

    fireEvent.click(screen.getByTestId('visit-check-in'));
    await waitFor(() => expect(screen.getByTestId('participation-status')).toHaveTextContent(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 签到/), WAIT);
    expect(screen.queryByTestId('visit-check-in')).not.toBeInTheDocument();
    expect(screen.queryByTestId('visit-decline')).not.toBeInTheDocument();
    const [record] = await session.db.visitParticipation.toArray();
    expect(record?.checkedInAt).toBeDefined();
  });

  it('cannot check in before the day, and says when it opens', async () => {
    const session = await readySession('delegate');
    const start = addDays(today(), 3);
    const visit = await visitFromOffice(session, { startDate: start, endDate: start });
    renderInApp(<VisitPage visitId={visit.id} />);
    expect(await screen.findByTestId('visit-check-in', {}, WAIT)).toBeDisabled();
    expect(screen.getByTestId('check-in-unavailable')).toHaveTextContent(`视察于 ${start} 开始，活动当天才能签到`);
  });

  it('saves field notes by itself shortly after typing', async () => {
    const session = await readySession('delegate');
    const visit = await visitFromOffice(session);
    renderInApp(<VisitPage visitId={visit.id} />);
    const notes = await screen.findByTestId('visit-notes', {}, WAIT);
    await userEvent.click(notes);
    await userEvent.paste('水厂运行正常，但石门村供水管网老化，群众反映停水频繁。');
    await waitFor(() => expect(screen.getByTestId('notes-save-indicator')).toHaveTextContent(/已保存 \d{1,2}:\d{2}:\d{2}/), WAIT);
    expect((await session.db.visitParticipation.toArray())[0]).toMatchObject({ delegateId: session.me.id, notes: '水厂运行正常，但石门村供水管网老化，群众反映停水频繁。' });
  });

  it('adds several photos at once through the resizer, reports an unreadable one, keeps the originals local', async () => {
    const session = await readySession('delegate');
    const visit = await visitFromOffice(session);
    const resizer = fakeResizer();
    renderInApp(
      <PhotoResizerProvider resizer={resizer}>
        <VisitPage visitId={visit.id} />
      </PhotoResizerProvider>,
    );
    fireEvent.change(await screen.findByTestId('photo-batch-caption', {}, WAIT), { target: { value: '石门村供水站' } });
    const input = screen.getByTestId('my-photos').querySelector('input[type=file]') as HTMLInputElement;
    const takenAt = Date.parse('2026-05-12T02:15:00.000Z');
    await userEvent.upload(input, [photoFile('IMG_0001.HEIC', 1, takenAt), photoFile('broken.jpg', 0), photoFile('IMG_0002.jpg', 2)]);

    expect(await screen.findByTestId('photo-failures', {}, WAIT)).toHaveTextContent('broken.jpg：无法读取图片（格式不受支持或文件已损坏）');
    await waitFor(() => expect(screen.getAllByTestId('photo-card')).toHaveLength(2), WAIT);
    expect(resizer.calls).toBe(3);
    const photos = await session.db.visitPhoto.toArray();
    expect(photos.map((p) => p.caption)).toEqual(['石门村供水站', '石门村供水站']);
    expect(photos.find((p) => p.takenAt === '2026-05-12T02:15:00.000Z')).toBeDefined();
    const attachments = await session.db.attachment.toArray();
    expect(attachments.map((a) => a.fileName).sort()).toEqual(['IMG_0001.jpg', 'IMG_0002.jpg']);
    // Each original's bytes (32) are stored locally under the hash the photo names; no attachment row carries them.
    for (const photo of photos) {
      expect((await session.db.blobs.get(photo.originalSha256!))?.size).toBe(32);
      expect(attachments.some((a) => a.sha256 === photo.originalSha256)).toBe(false);
    }
    expect(screen.queryByTestId('photo-progress')).not.toBeInTheDocument();
  });

  it('edits a photo’s caption', async () => {
    const session = await readySession('delegate');
    const visit = await visitFromOffice(session);
    renderInApp(
      <PhotoResizerProvider resizer={fakeResizer()}>
        <VisitPage visitId={visit.id} />
      </PhotoResizerProvider>,
    );
    const input = (await screen.findByTestId('my-photos', {}, WAIT)).querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, [photoFile('IMG_0003.jpg')]);
    fireEvent.click(await screen.findByTestId('photo-edit', {}, WAIT));
    const caption = await screen.findByTestId('photo-caption-input', {}, WAIT);
    fireEvent.change(caption, { target: { value: '供水站沉淀池' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(screen.getByTestId('photo-caption')).toHaveTextContent('供水站沉淀池'), WAIT);
    expect((await session.db.visitPhoto.toArray())[0]?.caption).toBe('供水站沉淀池');
  });

  it('starts a 提议 linked to the visit and opens it in the editor', async () => {
    const session = await readySession('delegate');
    const visit = await visitFromOffice(session);
    renderInApp(<VisitPage visitId={visit.id} />);
    fireEvent.click(await screen.findByTestId('visit-start-proposal', {}, WAIT));
    await waitFor(async () => expect(await session.db.proposal.count()).toBe(1), WAIT);
    const proposal = (await session.db.proposal.toArray())[0]!;
    expect(proposal).toMatchObject({ kind: 'proposal', status: 'draft', sourceVisitId: visit.id, leadDelegateId: session.me.id });
    await waitFor(() => expect(useRouter.getState().route).toEqual({ name: 'proposalEdit', id: proposal.id }), WAIT);
    expect(await within(screen.getByTestId('visit-proposals')).findByTestId('visit-proposal', {}, WAIT)).toHaveTextContent('（未填写案由）');
  });

  it('shows nothing of a visit the delegate is not invited to', async () => {
    const session = await readySession('delegate');
    const visit = await visitFromOffice(session, { invitedDelegateIds: [session.delegates[2]!.id] });
    renderInApp(<VisitPage visitId={visit.id} />);
    expect(await screen.findByText('找不到这次视察（可能已被取消，或您没有受邀参加）', {}, WAIT)).toBeInTheDocument();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import JSZip from 'jszip';
import { pairId } from '../../../shared/domain';
import type { DelegateDeskBridge, SaveFileRequest } from '../../../shared/bridge';
import { jpegHeader, pngHeader } from '../../../shared/visits/summary/summaryFixtures';
import { setBridgeForTests } from '../../bridge/client';
import { readySession, renderInApp } from '../../testing/session';
import { proposalAtOffice } from '../review/reviewTesting';
import { VisitPage } from './VisitsPage';
import { visitFromOffice, WAIT } from './visitTesting';

afterEach(() => setBridgeForTests(undefined));

type Session = Awaited<ReturnType<typeof readySession>>;

function savingBridge(): SaveFileRequest[] {
  const requests: SaveFileRequest[] = [];
  setBridgeForTests({
    saveFile: async (request: SaveFileRequest) => {
      requests.push(request);
      return { name: request.defaultName };
    },
  } as unknown as DelegateDeskBridge);
  return requests;
}

const hex = (n: number) => n.toString(16).padStart(64, '0');

/**
 * What arrived by sync: 张建国 attended, checked in and wrote notes; three photos, of which two have their bytes
 * on this machine (a JPEG and a PNG) and the third's bytes have not arrived yet.
 */
async function fieldRecords(session: Session, visitId: string) {
  const [zhang, li] = session.delegates;
  const as = { actor: { kind: 'delegate' as const, id: zhang!.id, name: zhang!.name } };
  const pictures = [
    { caption: '供水站沉淀池', takenAt: '2026-05-12T02:15:00.000Z', bytes: jpegHeader(1600, 1200), mimeType: 'image/jpeg', synced: true },
    { caption: '座谈会现场', takenAt: '2026-05-12T03:00:00.000Z', bytes: pngHeader(1200, 1600), mimeType: 'image/png', synced: true },
    { caption: '石门村蓄水池', takenAt: '2026-05-12T04:00:00.000Z', bytes: jpegHeader(1600, 1200, 7), mimeType: 'image/jpeg', synced: false },
  ];
  for (const [i, p] of pictures.entries()) {
    if (p.synced) await session.db.blobs.put({ sha256: hex(i + 1), bytes: p.bytes, size: p.bytes.byteLength, mimeType: p.mimeType });
  }
  const photoIds = await session.repo.write(async (w) => {
    const record = await w.create(
      'visitParticipation',
      { id: pairId('visitParticipation', visitId, zhang!.id), visitId, delegateId: zhang!.id, response: 'accepted', checkedInAt: '2026-05-12T00:40:00.000Z', notes: '石门村供水管网老化，群众反映停水频繁。' },
      as,
    );
    await w.create('visitParticipation', { visitId, delegateId: li!.id, response: 'declined', notes: '' }, { actor: { kind: 'delegate', id: li!.id, name: li!.name } });
    const ids: string[] = [];
    for (const [i, p] of pictures.entries()) {
      const sha256 = hex(i + 1);
      const attachment = await w.create('attachment', { ownerEntity: 'visitNote', ownerId: record.id, fileName: `IMG_000${i}.jpg`, mimeType: p.mimeType, size: p.bytes.byteLength, sha256 }, as);
      const photo = await w.create('visitPhoto', { visitId, delegateId: zhang!.id, attachmentId: attachment.id, caption: p.caption, takenAt: p.takenAt }, as);
      ids.push(photo.id);
    }
    return ids;
  });
  await proposalAtOffice(session, { title: '关于加快农村供水管网改造的提议', status: 'accepted', number: 12, sourceVisitId: visitId, leadDelegateId: zhang!.id });
  return { photoIds };
}

const checkbox = (photoId: string) => {
  const holder = screen.getByTestId(`visit-summary-photo-${photoId}`);
  return (holder.tagName === 'INPUT' ? holder : holder.querySelector('input')!) as HTMLInputElement;
};

describe('VisitSummaryExport (导出视察纪要)', { timeout: 120_000 }, () => {
  it('staff tick photos (none at first, unsynced ones cannot be), and the Word file carries exactly those', async () => {
    const session = await readySession('office');
    const visit = await visitFromOffice(session, { invitedDelegateIds: session.delegates.map((d) => d.id), summary: '代表们实地察看了城关镇水厂和石门村供水站。' });
    const { photoIds } = await fieldRecords(session, visit.id);
    const requests = savingBridge();
    renderInApp(<VisitPage visitId={visit.id} />);

    fireEvent.click(await screen.findByTestId('visit-summary-export', {}, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    expect(within(dialog).getByTestId('visit-summary-selected')).toHaveTextContent('已选 0 张照片');
    await waitFor(() => expect(checkbox(photoIds[0]!)).toBeEnabled(), WAIT);
    expect(checkbox(photoIds[1]!)).toBeEnabled();
    expect(checkbox(photoIds[2]!)).toBeDisabled();
    expect(within(dialog).getByTestId('visit-summary-photo-unavailable')).toHaveTextContent('尚未同步到本机');
    expect(photoIds.slice(0, 2).map((id) => checkbox(id).checked)).toEqual([false, false]);

    // 全选 takes the two whose bytes are here; then one is unticked again.
    fireEvent.click(within(dialog).getByTestId('visit-summary-select-all'));
    await waitFor(() => expect(within(dialog).getByTestId('visit-summary-selected')).toHaveTextContent('已选 2 张照片'), WAIT);
    expect(checkbox(photoIds[2]!).checked).toBe(false);
    fireEvent.click(checkbox(photoIds[1]!));
    await waitFor(() => expect(within(dialog).getByTestId('visit-summary-selected')).toHaveTextContent('已选 1 张照片'), WAIT);

    fireEvent.click(within(dialog).getByTestId('visit-summary-save'));
    await waitFor(() => expect(requests).toHaveLength(1), WAIT);
    const request = requests[0]!;
    expect(request.defaultName).toBe('关于农村饮水安全工程建设情况的视察纪要.docx');
    expect(request.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    expect(await screen.findByText('已保存：关于农村饮水安全工程建设情况的视察纪要.docx', {}, WAIT)).toBeInTheDocument();

    const zip = await JSZip.loadAsync(request.bytes);
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document.match(/<w:drawing>/g)).toHaveLength(1);
    expect(Object.keys(zip.files).filter((p) => p.startsWith('word/media/'))).toHaveLength(1);
    expect(document).toContain('图1 供水站沉淀池（张建国 摄，2026年5月12日 10:15）');
    expect(document).not.toContain('座谈会现场');
    expect(document).toContain('代表们实地察看了城关镇水厂和石门村供水站。');
    expect(document).toContain('石门村供水管网老化，群众反映停水频繁。');
    expect(document).toContain('关于加快农村供水管网改造的提议（提议，第12号，已立案）');
    for (const d of session.delegates) expect(document).toContain(d.name);
    expect(document).toContain('2026-05-12 08:40');
  });

  it('a visit without photos says so and still exports the minutes', async () => {
    const session = await readySession('office');
    const visit = await visitFromOffice(session, { kind: 'research' });
    const requests = savingBridge();
    renderInApp(<VisitPage visitId={visit.id} />);
    fireEvent.click(await screen.findByTestId('visit-summary-export', {}, WAIT));
    expect(await screen.findByTestId('visit-summary-no-photos', {}, WAIT)).toHaveTextContent('纪要将不含照片');
    fireEvent.click(screen.getByTestId('visit-summary-save'));
    await waitFor(() => expect(requests).toHaveLength(1), WAIT);
    expect(requests[0]!.defaultName).toBe('关于农村饮水安全工程建设情况的调研纪要.docx');
    const document = await (await JSZip.loadAsync(requests[0]!.bytes)).file('word/document.xml')!.async('string');
    expect(document).not.toContain('<w:drawing>');
  });
});

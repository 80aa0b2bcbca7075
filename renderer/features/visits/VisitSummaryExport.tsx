import { useState } from 'react';
import { App, Alert, Button, Checkbox, Col, Flex, Modal, Pagination, Row, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Proposal } from '../../../shared/domain';
import { exportFileName } from '../../../shared/reports/official/fileName';
import { imageInfo } from '../../../shared/visits/summary/imageInfo';
import type { VisitSummaryInput, VisitSummaryPhoto } from '../../../shared/visits/summary/visitSummaryDocx';
import { useRepo } from '../../app/session';
import { getBridge } from '../../bridge/client';
import type { DelegateDeskDb } from '../../data/db';
import { defaultIssuer } from '../../data/reportQueries';
import { proposalsFromVisit, type PhotoEntry, type VisitDetail } from '../../data/visitQueries';
import { common } from '../../i18n/common';
import { errorText } from '../onboarding/errorText';
import { formatTime } from './dates';
import { PhotoThumb } from './PhotoThumb';
import type { VisitRoster } from './useVisitRoster';

const PAGE_SIZE = 24;

/** The document is Chinese whatever the screen language: proposals are described with the zh-CN labels. */
const ZH = common['zh-CN'];

/** "提议，第12号，已立案" */
function proposalDescription(p: Proposal): string {
  return [ZH.kind[p.kind], ...(p.number ? [`第${p.number}号`] : []), ZH.status[p.status]].join('，');
}

/** Proposals filed from the visit; drafts and withdrawn ones are nobody's business in the minutes. */
async function visitProposals(db: DelegateDeskDb, visitId: string): Promise<VisitSummaryInput['proposals']> {
  return (await proposalsFromVisit(db, visitId)).filter((p) => p.status !== 'draft' && p.status !== 'withdrawn').map((p) => ({ title: p.title, description: proposalDescription(p) }));
}

/** The chosen photos' synced (resized) copies from the blob store, with their format and size. */
async function photosOf(db: DelegateDeskDb, chosen: readonly PhotoEntry[], takenBy: (id: string) => string, t: TFunction): Promise<VisitSummaryPhoto[]> {
  const blobs = await db.blobs.bulkGet(chosen.map((e) => e.attachment?.sha256 ?? ''));
  return chosen.map(({ photo, attachment }, i) => {
    const name = photo.caption || attachment?.fileName || formatTime(photo.takenAt ?? photo.createdAt);
    const blob = blobs[i];
    if (!blob) throw new Error(t('summaryExport.missing', { name }));
    const info = imageInfo(blob.bytes);
    if (!info) throw new Error(t('summaryExport.unreadable', { name }));
    return { bytes: blob.bytes, ...info, caption: photo.caption, takenBy: takenBy(photo.delegateId), takenAt: photo.takenAt ?? photo.createdAt };
  });
}

/**
 * 导出视察纪要: a dialog where staff tick the photos to append, then a Word document saved where they choose.
 * Nothing is ticked at first: which photos stand for a visit in a document that leaves the office is an editorial
 * choice, and a default (all of a 200-photo trip, or whichever came first) would put arbitrary pictures in it.
 */
export function VisitSummaryExport({ detail, roster }: { detail: VisitDetail; roster: VisitRoster }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const repo = useRepo();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const { visit } = detail;
  const shas = detail.photos.flatMap((e) => (e.attachment ? [e.attachment.sha256] : []));
  // Which photos' bytes are on this machine: keys only, from the index (the bytes are read when saving).
  const stored = useLiveQuery(async () => new Set(shas.length ? await repo.db.blobs.where('sha256').anyOf(shas).primaryKeys() : []), [repo, shas.join(',')]);
  const usable = detail.photos.filter((e) => e.attachment && stored?.has(e.attachment.sha256));
  const nameOf = (id: string) => roster.byId.get(id)?.name ?? '（名册中无此代表）';
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const save = async () => {
    setBusy(true);
    try {
      // In the gallery's order (by time taken), whatever order they were ticked in.
      const chosen = detail.photos.filter((e) => selected.has(e.photo.id));
      const input: VisitSummaryInput = {
        kind: visit.kind,
        topic: visit.topic,
        startDate: visit.startDate,
        endDate: visit.endDate,
        sites: visit.sites,
        ...(detail.groupName ? { organiser: detail.groupName } : {}),
        ...(visit.agenda ? { agenda: visit.agenda } : {}),
        attendees: detail.attendance.rows.map((row) => {
          const delegate = roster.byId.get(row.delegateId);
          return {
            name: nameOf(row.delegateId),
            ...(delegate ? { delegateNumber: delegate.delegateNumber } : {}),
            answer: row.answer,
            ...(row.checkedInAt ? { checkedInAt: row.checkedInAt } : {}),
            invited: row.invited,
          };
        }),
        summary: visit.summary ?? '',
        fieldNotes: detail.attendance.rows.filter((r) => r.notes.trim()).map((r) => ({ name: nameOf(r.delegateId), notes: r.notes })),
        proposals: await visitProposals(repo.db, visit.id),
        photos: await photosOf(repo.db, chosen, nameOf, t),
        issuer: await defaultIssuer(repo.db),
        exportedAt: new Date().toISOString(),
      };
      // Loaded on first use: the docx library is large and only exports need it.
      const { buildVisitSummaryDocx, visitSummaryTitle } = await import('../../../shared/visits/summary/visitSummaryDocx');
      const bytes = await buildVisitSummaryDocx(input);
      const saved = await getBridge().saveFile({
        defaultName: exportFileName(visitSummaryTitle(input), 'docx', '视察纪要'),
        filters: [{ name: t('summaryExport.filter'), extensions: ['docx'] }],
        bytes,
      });
      if (saved) {
        message.success(t('summaryExport.saved', { name: saved.name }));
        setOpen(false);
      }
    } catch (error) {
      message.error(t('summaryExport.failed', { message: errorText(error, t) }));
    } finally {
      setBusy(false);
    }
  };

  const shown = detail.photos.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <Button icon={<FileWordOutlined />} onClick={() => setOpen(true)} data-testid="visit-summary-export">
        {t(`summaryExport.button.${visit.kind}`)}
      </Button>
      <Modal
        open={open}
        width={860}
        title={t(`summaryExport.title.${visit.kind}`)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={
          <Flex justify="end" gap={8}>
            <Button onClick={() => setOpen(false)}>{t('common:cancel')}</Button>
            <Button type="primary" icon={<FileWordOutlined />} loading={busy} onClick={() => void save()} data-testid="visit-summary-save">
              {t('summaryExport.save')}
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">{t('summaryExport.intro')}</Typography.Paragraph>
        {detail.photos.length === 0 ? (
          <Alert type="info" showIcon title={t('summaryExport.noPhotos')} data-testid="visit-summary-no-photos" />
        ) : (
          <>
            <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
              <Typography.Text strong data-testid="visit-summary-selected">
                {t('summaryExport.selected', { count: selected.size })}
              </Typography.Text>
              <Button size="small" disabled={usable.length === 0} onClick={() => setSelected(new Set(usable.map((e) => e.photo.id)))} data-testid="visit-summary-select-all">
                {t('summaryExport.selectAll')}
              </Button>
              <Button size="small" disabled={selected.size === 0} onClick={() => setSelected(new Set())} data-testid="visit-summary-clear">
                {t('summaryExport.clear')}
              </Button>
            </Flex>
            <Row gutter={[12, 12]}>
              {shown.map(({ photo, attachment }) => {
                const available = !!attachment && !!stored?.has(attachment.sha256);
                return (
                  <Col key={photo.id} flex="0 0 176px">
                    <Flex vertical gap={4}>
                      <PhotoThumb sha256={attachment?.sha256} alt={photo.caption || attachment?.fileName || ''} />
                      <Checkbox
                        checked={selected.has(photo.id)}
                        disabled={!available}
                        onChange={(e) => toggle(photo.id, e.target.checked)}
                        data-testid={`visit-summary-photo-${photo.id}`}
                      >
                        <Typography.Text ellipsis style={{ maxWidth: 130 }}>
                          {photo.caption || formatTime(photo.takenAt ?? photo.createdAt)}
                        </Typography.Text>
                      </Checkbox>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('photos.by', { name: nameOf(photo.delegateId) })} · {formatTime(photo.takenAt ?? photo.createdAt)}
                      </Typography.Text>
                      {stored && !available && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="visit-summary-photo-unavailable">
                          {t('summaryExport.notSynced')}
                        </Typography.Text>
                      )}
                    </Flex>
                  </Col>
                );
              })}
            </Row>
            {detail.photos.length > PAGE_SIZE && (
              <Pagination style={{ marginTop: 12 }} pageSize={PAGE_SIZE} current={page} total={detail.photos.length} onChange={setPage} showSizeChanger={false} />
            )}
          </>
        )}
      </Modal>
    </>
  );
}

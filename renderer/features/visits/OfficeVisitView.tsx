import { useState } from 'react';
import { Button, Card, Drawer, Input, Modal, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { addVisitMaterial, cancelVisit, removeVisitMaterial } from '../../data/visitCommands';
import type { VisitDetail } from '../../data/visitQueries';
import { AttendanceTable } from './AttendanceTable';
import { FieldNotesList } from './FieldNotesList';
import { LinkedProposals } from './LinkedProposals';
import { PhotoGallery } from './PhotoGallery';
import { readBytes } from './readBytes';
import { SummaryCard } from './SummaryCard';
import { useVisitCommand } from './useVisitCommand';
import type { VisitRoster } from './useVisitRoster';
import { VisitInfo } from './VisitInfo';
import { VisitPlanForm } from './VisitPlanForm';
import { VisitSummaryExport } from './VisitSummaryExport';

/**
 * The office's visit: the plan (edit, materials, cancel), attendance, everyone's notes and photos as they arrive
 * by sync, the 视察报告 and closing, the proposals that came of it, and the 视察纪要 export (Word, chosen photos).
 */
export function OfficeVisitView({ detail, roster }: { detail: VisitDetail; roster: VisitRoster }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const acting = { role: profile.role, actorId: profile.actorId };
  const navigate = useRouter((s) => s.navigate);
  const { run } = useVisitCommand();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { visit } = detail;
  const open = visit.status !== 'closed';

  const cancel = async () => {
    const ok = await run(
      async () => {
        await cancelVisit(repo, visit.id, acting, reason);
        return true;
      },
      t('detail.cancelled'),
      (errors) => setReasonError(errors.reason),
    );
    if (ok) navigate({ name: 'visits' });
  };

  return (
    <>
      <VisitInfo
        visit={visit}
        {...(detail.groupName ? { groupName: detail.groupName } : {})}
        extra={
          <Space>
            <VisitSummaryExport detail={detail} roster={roster} />
            {open && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="visit-edit">
                  {t('detail.edit')}
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={() => setCancelling(true)} data-testid="visit-cancel">
                  {t('detail.cancel')}
                </Button>
              </>
            )}
          </Space>
        }
        {...(open ? { onRemoveMaterial: (id: string) => run(() => removeVisitMaterial(repo, id, acting), '').then(() => undefined) } : {})}
        materialsFooter={
          open && (
            <Upload
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void readBytes(file).then((bytes) => run(() => addVisitMaterial(repo, visit.id, acting, { name: file.name, type: file.type, bytes }), ''));
                return false;
              }}
            >
              <Button icon={<PaperClipOutlined />} style={{ marginTop: 8 }} data-testid="visit-add-material">
                {t('detail.addMaterial')}
              </Button>
            </Upload>
          )
        }
      />
      <AttendanceTable rows={detail.attendance.rows} counts={detail.attendance.counts} roster={roster} />
      <FieldNotesList rows={detail.attendance.rows} roster={roster} />
      <Card title={t('photos.title')} style={{ marginBottom: 16 }} data-testid="all-photos">
        <PhotoGallery entries={detail.photos} editable={false} delegateName={(id) => roster.byId.get(id)?.name ?? id} />
      </Card>
      <SummaryCard visit={visit} />
      <LinkedProposals visitId={visit.id} canStart={false} />
      <Drawer open={editing} size={720} title={t('form.editTitle')} onClose={() => setEditing(false)} destroyOnHidden>
        {editing && <VisitPlanForm visit={visit} onDone={() => setEditing(false)} />}
      </Drawer>
      <Modal
        open={cancelling}
        title={t('detail.cancelTitle')}
        okText={t('detail.cancel')}
        okButtonProps={{ danger: true }}
        cancelText={t('common:cancel')}
        onOk={() => void cancel()}
        onCancel={() => setCancelling(false)}
      >
        <Typography.Text>{t('detail.cancelReason')}</Typography.Text>
        <Input.TextArea
          value={reason}
          status={reasonError ? 'error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(undefined);
          }}
          autoSize={{ minRows: 3 }}
          data-testid="visit-cancel-reason"
        />
        {reasonError && <Typography.Text type="danger">{reasonError}</Typography.Text>}
      </Modal>
    </>
  );
}

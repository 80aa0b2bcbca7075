import { useRef, useState } from 'react';
import { Alert, App, Button, Input, Progress, Space, Typography, Upload } from 'antd';
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PHOTO_MAX_SIDE } from '../../../shared/visits';
import { useProfile, useRepo } from '../../app/session';
import { addVisitPhoto } from '../../data/visitCommands';
import { importPhotos, type PhotoImportProgress, type PickedPhoto } from './photoImport';
import { usePhotoResizer } from './PhotoTools';

/**
 * 添加照片: pick many at once; they are resized and stored one by one with a progress bar (the window stays
 * responsive, and "停止" keeps what is done). Photos picked while a batch runs join the queue.
 */
export function PhotoUploader({ visitId, syncOriginals }: { visitId: string; syncOriginals: boolean }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const resizer = usePhotoResizer();
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<PhotoImportProgress | null>(null);
  const [failures, setFailures] = useState<PhotoImportProgress['failed']>([]);
  const queue = useRef<PickedPhoto[]>([]);
  const running = useRef(false);
  const stop = useRef(false);

  const drain = async () => {
    if (running.current) return;
    running.current = true;
    stop.current = false;
    setFailures([]);
    let added = 0;
    let failed: PhotoImportProgress['failed'] = [];
    let stopped = false;
    try {
      while (queue.current.length > 0 && !stopped) {
        const batch = queue.current.splice(0, queue.current.length);
        const offset = added + failed.length;
        const result = await importPhotos(batch, {
          resizer,
          save: (photo) => addVisitPhoto(repo, visitId, { role: profile.role, actorId: profile.actorId }, photo),
          caption,
          onProgress: (p) =>
            setProgress({ done: offset + p.done, total: offset + p.total + queue.current.length, added: added + p.added, failed: [...failed, ...p.failed] }),
          shouldStop: () => stop.current,
          unreadable: t('photos.unreadable'),
        });
        added += result.added;
        failed = [...failed, ...result.failed];
        stopped = result.stopped;
      }
    } finally {
      queue.current = [];
      running.current = false;
      setProgress(null);
      setFailures(failed);
    }
    if (added > 0) message.success(stopped ? t('photos.stopped', { count: added }) : t('photos.finished', { count: added }));
    else if (stopped) message.info(t('photos.stopped', { count: 0 }));
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('photos.batchCaption')}</Typography.Text>
        <Input
          style={{ width: 220 }}
          value={caption}
          maxLength={200}
          onChange={(e) => setCaption(e.target.value)}
          placeholder={t('photos.batchCaptionPlaceholder')}
          aria-label={t('photos.batchCaption')}
          data-testid="photo-batch-caption"
        />
        <Upload
          multiple
          accept="image/*"
          showUploadList={false}
          beforeUpload={(file, files) => {
            // Called once per file with the whole selection: queue the selection once.
            if (file === files[0]) {
              queue.current.push(...files);
              void drain();
            }
            return false;
          }}
        >
          <Button type="primary" icon={<CameraOutlined />} data-testid="photo-add">
            {t('photos.add')}
          </Button>
        </Upload>
      </Space>
      <Typography.Text type="secondary">{syncOriginals ? t('photos.hintOriginals') : t('photos.hint', { maxSide: PHOTO_MAX_SIDE })}</Typography.Text>
      {progress && (
        <Space style={{ width: '100%' }} data-testid="photo-progress">
          <Progress percent={percent} style={{ width: 320 }} size="small" />
          <Typography.Text aria-live="polite">{t('photos.progress', { done: progress.done, total: progress.total })}</Typography.Text>
          <Button size="small" icon={<StopOutlined />} onClick={() => (stop.current = true)} data-testid="photo-stop">
            {t('photos.stop')}
          </Button>
        </Space>
      )}
      {failures.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setFailures([]) }}
          title={t('photos.failed', { count: failures.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {failures.slice(0, 20).map((f, i) => (
                <li key={i}>{t('photos.failedItem', { name: f.name, message: f.message })}</li>
              ))}
            </ul>
          }
          data-testid="photo-failures"
        />
      )}
    </Space>
  );
}

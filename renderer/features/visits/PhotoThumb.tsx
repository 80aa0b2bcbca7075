import { useEffect, useState } from 'react';
import { Image, Typography } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRepo } from '../../app/session';

const SIZE = 160;

type Shown = { kind: 'loading' } | { kind: 'image'; url: string } | { kind: 'missing' } | { kind: 'noPreview' };

/**
 * One photo from the local blob store, as an object URL released when the thumbnail goes away. A photo whose
 * bytes have not arrived by sync yet shows "尚未同步"; a renderer without object URLs (tests) shows the caption.
 */
export function PhotoThumb({ sha256, alt }: { sha256: string | undefined; alt: string }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let created: string | undefined;
    if (!sha256) {
      setShown({ kind: 'missing' });
      return undefined;
    }
    void repo.db.blobs.get(sha256).then((blob) => {
      if (cancelled) return;
      if (!blob) return setShown({ kind: 'missing' });
      if (typeof URL.createObjectURL !== 'function') return setShown({ kind: 'noPreview' });
      created = URL.createObjectURL(new Blob([blob.bytes as Uint8Array<ArrayBuffer>], { type: blob.mimeType }));
      setShown({ kind: 'image', url: created });
    });
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [repo, sha256]);

  if (shown.kind === 'image') return <Image src={shown.url} alt={alt} width={SIZE} height={SIZE} style={{ objectFit: 'cover' }} />;
  return (
    <div
      style={{ width: SIZE, height: SIZE, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}
      data-testid="photo-placeholder"
    >
      <PictureOutlined style={{ fontSize: 32, color: '#bbb' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center', padding: 4, maxWidth: SIZE }} ellipsis>
        {shown.kind === 'missing' ? t('photos.notSynced') : alt}
      </Typography.Text>
    </div>
  );
}

import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reply, ReplyClass } from '../../../shared/domain';
import { AttachmentList } from './AttachmentList';

const CLASS_COLORS: Record<ReplyClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default' };

/** The result class as delegates read it: "A类 · 所提问题已经解决或建议已被采纳". */
export function ReplyClassTag({ resultClass }: { resultClass: ReplyClass }) {
  const { t } = useTranslation('proposals');
  return (
    <Tag color={CLASS_COLORS[resultClass]} data-testid="reply-class">
      {t('reply.classLabel', { cls: resultClass })} · {t(`reply.classMeaning.${resultClass}`)}
    </Tag>
  );
}

/** B 类答复's 列入计划 items (a field newer than some stored replies, so read defensively). */
function plannedItemsOf(reply: Reply): string[] {
  const planned = (reply as Reply & { plannedItems?: unknown }).plannedItems;
  return Array.isArray(planned) ? planned.filter((i): i is string => typeof i === 'string') : [];
}

function ItemTags({ label, items, testId }: { label: string; items: readonly string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div style={{ marginTop: 12 }} data-testid={testId}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <Space size={[4, 4]} wrap>
        {items.map((item) => (
          <Tag key={item}>{item}</Tag>
        ))}
      </Space>
    </div>
  );
}

/** 答复: one unit's letter — 文号, signer, date, result class, adopted and planned items, text, and the scanned original to download. */
export function ReplyCard({ reply, unitName }: { reply: Reply; unitName: string }) {
  const { t } = useTranslation('proposals');
  return (
    <Card size="small" type="inner" title={t('reply.title', { unit: unitName })} extra={<ReplyClassTag resultClass={reply.resultClass} />} data-testid="reply-card">
      <Descriptions column={{ xs: 1, sm: 3 }} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('reply.documentNumber')}>
          <span data-testid="reply-document-number">{reply.documentNumber || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reply.signer')}>{reply.signer || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reply.repliedOn')}>{reply.repliedOn}</Descriptions.Item>
      </Descriptions>
      <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }} data-testid="reply-text">
        {reply.text || <Typography.Text type="secondary">—</Typography.Text>}
      </div>
      <ItemTags label={t('reply.adoptedItems')} items={reply.adoptedItems} testId="reply-adopted" />
      <ItemTags label={t('reply.plannedItems')} items={plannedItemsOf(reply)} testId="reply-planned" />
      <div style={{ marginTop: 12 }}>
        <AttachmentList owner={{ entity: 'reply', id: reply.id }} canRemove={false} empty={null} header={t('reply.attachments')} />
      </div>
    </Card>
  );
}

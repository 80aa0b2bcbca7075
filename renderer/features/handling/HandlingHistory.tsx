import { App, Button, Card, Empty, Flex, List, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/domain';
import { getBridge, BridgeCallError } from '../../bridge/client';
import { useRepo } from '../../app/session';
import type { HandlingRoundEntry } from '../../data/handlingQueries';
import { formatTime } from './dates';
import type { HandlingData } from './useHandlingData';

/** Every assignment of the proposal, oldest first — returned ones and earlier rounds too — with each reply and its rating. */
export function HandlingHistory({ data }: { data: HandlingData }) {
  const { t } = useTranslation('handling');
  const { rounds, consultations } = data.history;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('history.title')} data-testid="handling-history">
        {rounds.length === 0 ? (
          <Empty description={t('history.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Timeline items={rounds.map((round) => ({ key: round.assignment.id, color: round.assignment.returned ? 'gray' : round.live ? 'red' : 'blue', content: <Round data={data} round={round} /> }))} />
        )}
      </Card>
      <Card size="small" title={t('consultation.title')} data-testid="consultation-list">
        {consultations.length === 0 ? (
          <Typography.Text type="secondary">{t('consultation.empty')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={consultations}
            renderItem={(c) => (
              <List.Item key={c.id}>
                <Flex vertical>
                  <Space wrap>
                    <Typography.Text strong>{data.unitName(c.unitId)}</Typography.Text>
                    <Tag>{t(`consultation.forms.${c.form}`)}</Tag>
                    <Typography.Text type="secondary">{c.date}</Typography.Text>
                  </Space>
                  {c.notes && <Typography.Text>{c.notes}</Typography.Text>}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}

function Round({ data, round }: { data: HandlingData; round: HandlingRoundEntry }) {
  const { t } = useTranslation('handling');
  const a = round.assignment;
  const units =
    a.mode === 'lead'
      ? `${t('board.lead')}：${data.unitName(a.leadUnitId)}${a.coUnitIds.length ? `；${t('board.co')}：${a.coUnitIds.map(data.unitName).join('、')}` : ''}`
      : `${t('board.split')}：${a.splitUnitIds.map(data.unitName).join('、')}`;
  return (
    <Flex vertical gap={6} data-testid="history-round">
      <Space wrap>
        <Typography.Text strong>{t('history.round', { round: a.round })}</Typography.Text>
        {round.live && <Tag color="red">{t('history.live')}</Tag>}
        {a.returned && <Tag>{t('history.returnedTag')}</Tag>}
        <Typography.Text>{units}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {t('history.assignedAt', { time: formatTime(a.assignedAt) })} · {t('history.deadline', { deadline: a.deadline })}
      </Typography.Text>
      {a.extensions.map((e) => (
        <Typography.Text key={e.at} type="secondary" data-testid="history-extension">
          {t('history.extension', { deadline: e.newDeadline, reason: e.reason })}
        </Typography.Text>
      ))}
      {a.returned && (
        <Typography.Text type="warning" data-testid="history-returned">
          {t('history.returned', { unit: data.unitName(a.returned.unitId), reason: a.returned.reason, time: formatTime(a.returned.at) })}
        </Typography.Text>
      )}
      {!a.returned && round.replies.length === 0 && <Typography.Text type="secondary">{t('history.noReplies')}</Typography.Text>}
      {round.replies.map(({ reply, attachments, ratings }) => (
        <Card key={reply.id} size="small" data-testid="history-reply">
          <Flex vertical gap={4}>
            <Space wrap>
              <Typography.Text strong>{data.unitName(reply.unitId)}</Typography.Text>
              <Tag color="blue">{t(`reply.classes.${reply.resultClass}`)}</Tag>
              <Typography.Text type="secondary">{reply.repliedOn}</Typography.Text>
              {reply.documentNumber && <Typography.Text type="secondary">{t('history.documentNumber', { value: reply.documentNumber })}</Typography.Text>}
              {reply.signer && <Typography.Text type="secondary">{t('history.signer', { value: reply.signer })}</Typography.Text>}
            </Space>
            {reply.text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{reply.text}</Typography.Paragraph>}
            {reply.adoptedItems.length > 0 && <Items label={t('history.adopted')} items={reply.adoptedItems} />}
            {(reply.plannedItems?.length ?? 0) > 0 && <Items label={t('history.planned')} items={reply.plannedItems ?? []} />}
            {attachments.length > 0 && <Scans attachments={attachments} />}
            {ratings.map((r) => (
              <Typography.Text key={r.id} data-testid="history-rating">
                {t('history.rating', {
                  name: r.delegateId === data.proposal.leadDelegateId ? t('history.byLead') : t('history.byCosigner', { name: data.delegateName(r.delegateId) }),
                  overall: t(`rating.satisfaction.${r.overall}`),
                })}
                {r.comment ? ` · ${r.comment}` : ''}
              </Typography.Text>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

function Items({ label, items }: { label: string; items: readonly string[] }) {
  return (
    <Typography.Text>
      {label}：{items.join('；')}
    </Typography.Text>
  );
}

/** The reply letter's scans, saved through the bridge like a proposal's attachments. */
function Scans({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation('handling');
  const { message } = App.useApp();
  const repo = useRepo();
  const save = async (a: Attachment) => {
    try {
      const blob = await repo.db.blobs.get(a.sha256);
      if (!blob) throw new Error(a.fileName);
      const saved = await getBridge().saveFile({ defaultName: a.fileName, bytes: new Uint8Array(blob.bytes) });
      if (saved) message.success(t('proposals:view.saved', { name: saved.name }));
    } catch (error) {
      const code = error instanceof BridgeCallError ? error.code : '';
      message.error(code ? t(`common:errors.bridge.${code}`) : t('common:errors.generic', { message: String(error) }));
    }
  };
  return (
    <Flex vertical data-testid="history-scans">
      {attachments.map((a) => (
        <Space key={a.id}>
          <PaperClipOutlined />
          <Typography.Text>{a.fileName}</Typography.Text>
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void save(a)}>
            {t('common:download')}
          </Button>
        </Space>
      ))}
    </Flex>
  );
}

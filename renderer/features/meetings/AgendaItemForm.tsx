import { Alert, Flex, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/domain';
import { outcomeOfCounts, type AgendaKind, type VoteOutcome } from '../../../shared/meetings';
import { useProfile, useRepo } from '../../app/session';
import { saveAgendaItem } from '../../data/meetingCommands';
import { useCommand } from '../handling/useCommand';

export const AGENDA_KINDS: readonly AgendaKind[] = ['reportReview', 'speech', 'vote', 'other'];

/** Field names are the keys the rules use for their messages ('vote.for' …), so each lands beside its box. */
interface Values {
  kind?: AgendaKind;
  title?: string;
  'vote.for'?: number | null;
  'vote.against'?: number | null;
  'vote.abstain'?: number | null;
  'vote.present'?: number | null;
  'vote.outcome'?: VoteOutcome;
}

const FIELDS = ['kind', 'title', 'vote.for', 'vote.against', 'vote.abstain', 'vote.present', 'vote.outcome'];
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** The outcome the typed counts give, shown under the outcome while the office fills the form. */
function ExpectedOutcome({ values }: { values: Values }) {
  const { t } = useTranslation('meetings');
  const [yes, no, abstain, present] = [values['vote.for'], values['vote.against'], values['vote.abstain'], values['vote.present']];
  if (!isCount(yes) || !isCount(no) || !isCount(abstain) || yes + no + abstain === 0) return null;
  const counts = { for: yes, against: no, abstain, ...(isCount(present) ? { present } : {}) };
  const outcome = outcomeOfCounts(counts);
  return (
    <Typography.Text type="secondary" data-testid="agenda-expected-outcome">
      {t('agenda.expected', { outcome: t(`agenda.outcomes.${outcome}`), base: t(isCount(present) ? 'agenda.basePresent' : 'agenda.baseVotes') })}
    </Typography.Text>
  );
}

/**
 * 添加 / 编辑议程 (office): kind, title, and for a 票决 its result — for / against / abstain, delegates present
 * (optional) and the outcome, checked against each other. A vote planned ahead is saved without a result.
 */
export function AgendaItemFormModal({ meetingId, item, onClose }: { meetingId: string; item?: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, run } = useCommand();
  const kind = Form.useWatch('kind', form);
  const watched = Form.useWatch([], form) as Values | undefined;

  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    const ok = await run(
      () =>
        saveAgendaItem(repo, { role: profile.role, actorId: profile.actorId }, meetingId, {
          ...(item ? { id: item.id } : {}),
          ...(v.kind ? { kind: v.kind } : {}),
          title: v.title ?? '',
          vote: { for: v['vote.for'] ?? null, against: v['vote.against'] ?? null, abstain: v['vote.abstain'] ?? null, present: v['vote.present'] ?? null, outcome: v['vote.outcome'] ?? null },
        }),
      t('agenda.saved'),
      form,
      FIELDS,
    );
    if (ok) onClose();
  };

  return (
    <Modal
      open
      title={item ? t('agenda.editTitle') : t('agenda.addTitle')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: item?.kind ?? 'reportReview',
          title: item?.title ?? '',
          'vote.for': item?.vote?.for ?? null,
          'vote.against': item?.vote?.against ?? null,
          'vote.abstain': item?.vote?.abstain ?? null,
          'vote.present': item?.vote?.present ?? null,
          ...(item?.vote ? { 'vote.outcome': item.vote.outcome } : {}),
        }}
        data-testid="agenda-form"
      >
        <Form.Item name="kind" label={t('agenda.kind')} required data-testid="agenda-kind-item">
          <Radio.Group optionType="button" options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`agenda.kinds.${k}`) }))} data-testid="agenda-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('agenda.titleLabel')} required data-testid="agenda-title-item">
          <Input maxLength={200} placeholder={t('agenda.titlePlaceholder')} data-testid="agenda-title" />
        </Form.Item>
        {kind === 'vote' && (
          <>
            <Typography.Paragraph strong>{t('agenda.voteSection')}</Typography.Paragraph>
            <Flex gap={8} wrap>
              {(['for', 'against', 'abstain'] as const).map((field) => (
                <Form.Item key={field} name={`vote.${field}`} label={t(`agenda.${field}`)} style={{ flex: '1 1 120px' }} data-testid={`agenda-${field}-item`}>
                  <InputNumber style={{ width: '100%' }} data-testid={`agenda-${field}`} />
                </Form.Item>
              ))}
              <Form.Item name="vote.present" label={t('agenda.presentLabel')} style={{ flex: '1 1 140px' }} data-testid="agenda-present-item">
                <InputNumber style={{ width: '100%' }} data-testid="agenda-present" />
              </Form.Item>
            </Flex>
            <Form.Item name="vote.outcome" label={t('agenda.outcome')} extra={watched ? <ExpectedOutcome values={watched} /> : null} data-testid="agenda-outcome-item">
              <Radio.Group
                options={(['passed', 'failed'] as const).map((o) => ({ value: o, label: t(`agenda.outcomes.${o}`) }))}
                data-testid="agenda-outcome"
              />
            </Form.Item>
          </>
        )}
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="agenda-refusal" />}
      </Form>
    </Modal>
  );
}

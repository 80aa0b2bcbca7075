import { useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reply, Satisfaction } from '../../../shared/domain';
import { useProfile, useRepo, useSession } from '../../app/session';
import { LifecycleRefusal } from '../../data/proposalCommands';
import { rateReply, type RatingField } from '../../data/ratingCommands';
import { refusalMessage } from './refusalMessage';

const LEVELS: readonly Satisfaction[] = ['satisfied', 'basicallySatisfied', 'unsatisfied'];

/**
 * 满意度测评 by the lead author: overall (required), the handling work and the result, a comment. The command checks
 * everything (the state machine's `rate`, the round, the fields) and its field errors are shown beside the fields.
 */
export function RatingForm({ proposalId, reply, rehandlingMonths, split }: { proposalId: string; reply: Reply; rehandlingMonths: number; split: boolean }) {
  const { t, i18n } = useTranslation('proposals');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const language = useSession((s) => s.language);
  const [overall, setOverall] = useState<Satisfaction | undefined>();
  const [handlingWork, setHandlingWork] = useState<Satisfaction | undefined>();
  const [result, setResult] = useState<Satisfaction | undefined>();
  const [comment, setComment] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<RatingField, string>>>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  /** The command's messages are Chinese; in English the field's own translation stands in. */
  const errorOf = (field: RatingField): string | undefined => {
    const text = fieldErrors[field];
    return text && language === 'en' ? t(`rating.required.${field}`, { defaultValue: text }) : text;
  };
  const clear = (field: RatingField) => setFieldErrors(({ [field]: _cleared, ...rest }) => rest);

  const submit = async () => {
    setBusy(true);
    setRefusal(undefined);
    setFieldErrors({});
    try {
      await rateReply(repo, proposalId, { role: profile.role, actorId: profile.actorId }, {
        replyId: reply.id,
        // Unchosen reaches the command as missing, which names the field.
        overall: overall as Satisfaction,
        ...(handlingWork ? { handlingWork } : {}),
        ...(result ? { result } : {}),
        ...(comment.trim() ? { comment } : {}),
      });
      message.success(t('rating.done'));
    } catch (error) {
      if (error instanceof LifecycleRefusal && error.fieldErrors) setFieldErrors(error.fieldErrors);
      else setRefusal(refusalMessage(error, i18n.t, language));
    } finally {
      setBusy(false);
    }
  };

  const levels = (field: 'overall' | 'handlingWork' | 'result', value: Satisfaction | undefined, onChange: (v: Satisfaction) => void) => (
    <Radio.Group
      value={value}
      onChange={(e) => {
        onChange(e.target.value as Satisfaction);
        clear(field);
      }}
      data-testid={`rating-${field}`}
    >
      {LEVELS.map((level) => (
        <Radio key={level} value={level}>
          {t(`rating.satisfaction.${level}`)}
        </Radio>
      ))}
    </Radio.Group>
  );

  return (
    <Form layout="vertical" onFinish={() => void submit()} data-testid="rating-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('rating.title')}
      </Typography.Title>
      {split && <Typography.Paragraph type="secondary">{t('rating.splitNote')}</Typography.Paragraph>}
      <Form.Item label={t('rating.overall')} required validateStatus={errorOf('overall') ? 'error' : undefined} help={errorOf('overall')} data-testid="rating-overall-item">
        {levels('overall', overall, setOverall)}
      </Form.Item>
      {overall === 'unsatisfied' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('rating.unsatisfiedNote', { months: rehandlingMonths })} data-testid="rating-unsatisfied-note" />
      )}
      <Form.Item label={t('rating.handlingWork')} validateStatus={errorOf('handlingWork') ? 'error' : undefined} help={errorOf('handlingWork')}>
        {levels('handlingWork', handlingWork, setHandlingWork)}
      </Form.Item>
      <Form.Item label={t('rating.result')} validateStatus={errorOf('result') ? 'error' : undefined} help={errorOf('result')}>
        {levels('result', result, setResult)}
      </Form.Item>
      <Form.Item
        label={t('rating.comment')}
        required={overall === 'unsatisfied'}
        validateStatus={errorOf('comment') ? 'error' : undefined}
        help={errorOf('comment') ?? (overall === 'unsatisfied' ? t('rating.commentRequiredHint') : undefined)}
        data-testid="rating-comment-item"
      >
        <Input.TextArea
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            clear('comment');
          }}
          autoSize={{ minRows: 3 }}
          placeholder={t('rating.commentPlaceholder')}
          data-testid="rating-comment"
        />
      </Form.Item>
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={refusal} data-testid="rating-refusal" />}
      <Typography.Paragraph type="secondary">{t('rating.finalNote')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="rating-submit">
        {t('rating.submit')}
      </Button>
    </Form>
  );
}

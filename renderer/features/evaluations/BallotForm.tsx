import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EvaluationRound } from '../../../shared/domain';
import { ballotQuestions, ratedCriteria, type BallotValues } from '../../../shared/evaluations';
import { useProfile, useRepo } from '../../app/session';
import { saveBallotDraft, submitBallot } from '../../data/evaluationCommands';
import { useEvaluationCommand } from './useEvaluationCommand';

interface Props {
  round: EvaluationRound;
  initialValues: BallotValues;
  initialComment: string;
  /** Outside the voting window: shown, not editable */
  disabled: boolean;
  /** A ballot was submitted before: the button says 重新提交 */
  submitted: boolean;
}

/**
 * 评议票: one card per subject, a grade (or score) for it — or for each criterion when they are rated one by one —
 * and an optional anonymous comment. 保存草稿 keeps it on this machine only; 提交 checks every question (errors
 * beside the unanswered ones, nothing entered is lost) and writes the one ballot row.
 */
export function BallotForm({ round, initialValues, initialComment, disabled, submitted }: Props) {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const profile = useProfile();
  const acting = { role: profile.role, actorId: profile.actorId };
  const [values, setValues] = useState<BallotValues>(initialValues);
  const [comment, setComment] = useState(initialComment);
  const { busy, refusal, fieldErrors, run, clearField } = useEvaluationCommand();
  const questions = ballotQuestions(round);
  const criteria = ratedCriteria(round);
  const { scale } = round;

  const set = (key: string, value: string | number | undefined) => {
    setValues((v) => ({ ...v, [key]: value }));
    clearField(key);
  };

  const control = (key: string) =>
    scale.kind === 'grades' ? (
      <Radio.Group value={values[key]} onChange={(e) => set(key, e.target.value as string)} disabled={disabled} data-testid={`ballot-answer-${key}`}>
        {scale.options.map((option) => (
          <Radio key={option} value={option}>
            {option}
          </Radio>
        ))}
      </Radio.Group>
    ) : (
      <InputNumber
        min={scale.min}
        max={scale.max}
        precision={0}
        value={typeof values[key] === 'number' ? values[key] : null}
        onChange={(v) => set(key, typeof v === 'number' ? v : undefined)}
        placeholder={t('ballot.scorePlaceholder', { min: scale.min, max: scale.max })}
        disabled={disabled}
        data-testid={`ballot-answer-${key}`}
      />
    );

  const question = (key: string, label?: string) => (
    <Form.Item key={key} label={label} required validateStatus={fieldErrors[key] ? 'error' : undefined} help={fieldErrors[key]} style={{ marginBottom: 8 }} data-testid={`ballot-question-${key}`}>
      {control(key)}
    </Form.Item>
  );

  return (
    <Form layout={criteria.length ? 'horizontal' : 'vertical'} labelCol={criteria.length ? { flex: '120px' } : undefined} data-testid="ballot-form">
      <Flex vertical gap={12}>
        <Alert type="info" showIcon icon={<LockOutlined />} title={t('ballot.secrecy')} />
        {round.criteria.length > 0 && criteria.length === 0 && (
          <Typography.Text type="secondary">{t('ballot.criteriaHint', { criteria: round.criteria.join('、') })}</Typography.Text>
        )}
        {round.subjects.map((subject) => (
          <Card key={subject.id} size="small" title={subject.name} extra={subject.description} data-testid="ballot-subject">
            {criteria.length
              ? questions.filter((q) => q.subjectId === subject.id).map((q) => question(q.key, q.criterion))
              : question(subject.id)}
          </Card>
        ))}
        <Form.Item label={t('ballot.comment')} layout="vertical">
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 3 }}
            placeholder={t('ballot.commentPlaceholder')}
            disabled={disabled}
            data-testid="ballot-comment"
          />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="ballot-refusal" />}
        {!disabled && (
          <Flex gap={8}>
            <Button
              onClick={() => void run(() => saveBallotDraft(repo, acting, round.id, { values, comment }), t('ballot.draftSaved'))}
              loading={busy}
              data-testid="ballot-save-draft"
            >
              {t('ballot.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => void run(() => submitBallot(repo, acting, round.id, values, comment), t('ballot.submitted'))} loading={busy} data-testid="ballot-submit">
              {submitted ? t('ballot.resubmit') : t('ballot.submit')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Form>
  );
}

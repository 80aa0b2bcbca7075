import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Select, Tooltip, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ActionAvailability } from '../../../shared/lifecycle';
import { useProfile, useRepo, useSession } from '../../app/session';
import { applyProposalAction, LifecycleRefusal } from '../../data/proposalCommands';
import { recordReviewDecision, type ReviewDecisionInput } from '../../data/reviewCommands';
import { refusalMessage } from '../proposals/refusalMessage';
import { DecisionSummary } from './DecisionSummary';
import { MergeTargetSelect } from './MergeTargetSelect';
import { formatTime } from './format';
import type { ReviewData } from './useReviewData';

/** The review steps, in the order the office meets them. */
export const DECISION_STEPS = ['preReview', 'accept', 'merge', 'convert', 'reject'] as const;
export type DecisionStep = (typeof DECISION_STEPS)[number];

const DECIDABLE = new Set(['received', 'inReview']);

/**
 * 审查: 接收, 预审 and the committee's decision (立案 / 并案 / 转为意见建议 / 不予立案). Offers what the state machine
 * allows this user now; the rest is greyed out with the reason. Every step goes through applyProposalAction.
 */
export function DecisionPanel({
  data,
  step,
  onStep,
  targetId,
  onTargetId,
}: {
  data: ReviewData;
  step: DecisionStep | undefined;
  onStep: (step: DecisionStep) => void;
  targetId: string | undefined;
  onTargetId: (id: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation('review');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const language = useSession((s) => s.language);
  const [note, setNote] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [reasonCode, setReasonCode] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { proposal: p, available, settings, numbering } = data;
  const acting = { role: profile.role, actorId: profile.actorId };

  /** Why an action is unavailable, in the user's language (the state machine's own Chinese message is the most specific). */
  const why = (a: ActionAvailability | undefined): string => {
    if (!a || a.allowed) return '';
    if (language !== 'en') return a.message ?? '';
    if (a.type === 'accept' && a.code === 'wrongRole' && profile.role === 'office') {
      return numbering.name ? t('numbering.onlyOn', { name: numbering.name }) : t('numbering.notSet');
    }
    if (a.type === 'convert' && a.code === 'invalidData') return t('decision.alreadySuggestion');
    return i18n.t(`proposals:refusal.${a.code}`);
  };

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setRefusal(undefined);
    setFieldErrors({});
    try {
      await work();
      message.success(done);
      setNote('');
      setReasonText('');
      setReasonCode(undefined);
    } catch (error) {
      if (error instanceof LifecycleRefusal && error.fieldErrors) {
        setFieldErrors(error.fieldErrors);
      } else {
        setRefusal(refusalMessage(error, i18n.t, language));
      }
    } finally {
      setBusy(false);
    }
  };
  /** A field's error in the user's language (the command's message is Chinese). */
  const fieldError = (field: string): string | undefined => {
    const text = fieldErrors[field];
    return text && language === 'en' ? t(`decision.required.${field}`, { defaultValue: text }) : text;
  };
  const decide = (input: ReviewDecisionInput, done: string) => run(() => recordReviewDecision(repo, p.id, acting, input), done);

  if (p.status === 'submitted') {
    const receive = available.get('receive');
    return (
      <Card size="small" title={t('decision.title')} data-testid="decision-panel">
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('decision.receiveHint')}</Typography.Text>
          <Tooltip title={why(receive)}>
            <Button
              type="primary"
              icon={<InboxOutlined />}
              disabled={!receive?.allowed}
              loading={busy}
              onClick={() => void run(() => applyProposalAction(repo, p.id, acting, { type: 'receive' }), t('decision.done.receive'))}
              data-testid="review-receive"
            >
              {t('decision.receive')}
            </Button>
          </Tooltip>
          {refusal && <Alert type="error" showIcon message={refusal} data-testid="decision-refusal" />}
        </Flex>
      </Card>
    );
  }

  if (!DECIDABLE.has(p.status)) {
    return (
      <Card size="small" title={p.review ? t('decision.outcome') : t('decision.title')} data-testid="decision-panel">
        {p.review ? (
          <Flex vertical gap={8} data-testid="decision-outcome">
            <DecisionSummary
              outcome={{
                decision: p.review.decision,
                ...(p.review.decision === 'accept' && p.number !== undefined ? { number: p.number } : {}),
                ...(p.review.mergedIntoId ? { mergedIntoId: p.review.mergedIntoId } : {}),
                ...(p.review.reasonCode ? { reasonCode: p.review.reasonCode } : {}),
              }}
              review={p.review}
              settings={settings}
              targetTitle={data.mergedInto?.title}
            />
            <Typography.Text type="secondary">{t('decision.decidedBy', { name: data.staffName(p.review.decidedBy), time: formatTime(p.review.decidedAt) })}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('decision.nothing')}</Typography.Text>
        )}
      </Card>
    );
  }

  const allowedSteps = DECISION_STEPS.filter((s) => available.get(s)?.allowed);
  const current: DecisionStep | undefined = step && allowedSteps.includes(step) ? step : allowedSteps[0];
  // Unavailable for a reason other than the state (that one is obvious): say so in the open, not only on hover.
  const explained = DECISION_STEPS.map((s) => available.get(s)).filter((a): a is ActionAvailability => !!a && !a.allowed && a.code !== 'wrongState');

  const submitLabel = (label: string) => (
    <Button type="primary" htmlType="submit" loading={busy} data-testid="decision-submit">
      {label}
    </Button>
  );

  return (
    <Card size="small" title={t('decision.title')} data-testid="decision-panel">
      <Flex vertical gap={12}>
        <Radio.Group value={current} onChange={(e) => onStep(e.target.value as DecisionStep)} optionType="button" buttonStyle="solid" data-testid="decision-steps">
          {DECISION_STEPS.map((s) => {
            const a = available.get(s);
            return (
              <Radio.Button key={s} value={s} disabled={!a?.allowed} data-testid={`step-${s}`} data-reason={why(a) || undefined}>
                <Tooltip title={why(a)}>
                  <span>{t(`decision.action.${s}`)}</span>
                </Tooltip>
              </Radio.Button>
            );
          })}
        </Radio.Group>
        {explained.map((a) => (
          <Typography.Text key={a.type} type="secondary" data-testid={`unavailable-${a.type}`}>
            {t('decision.unavailable', { action: t(`decision.action.${a.type}`), reason: why(a) })}
          </Typography.Text>
        ))}

        {current === 'preReview' && (
          <Form layout="vertical" onFinish={() => void decide({ type: 'preReview', note }, t('decision.done.preReview'))}>
            <Form.Item label={t('decision.note')}>
              <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 3 }} placeholder={t('decision.notePlaceholder')} data-testid="prereview-note" />
            </Form.Item>
            {submitLabel(t('decision.preReviewSubmit'))}
          </Form>
        )}

        {current === 'accept' && data.nextNumber !== undefined && (
          <Form layout="vertical" onFinish={() => void decide({ type: 'accept', number: data.nextNumber! }, t('decision.done.accept', { number: data.nextNumber }))}>
            <Typography.Paragraph data-testid="accept-next-number">
              <Typography.Text strong>{t('decision.acceptNext', { number: data.nextNumber })}</Typography.Text>
            </Typography.Paragraph>
            {submitLabel(t('decision.acceptSubmit', { number: data.nextNumber }))}
          </Form>
        )}

        {current === 'merge' && (
          <Form layout="vertical" onFinish={() => void decide({ type: 'merge', targetId: targetId ?? '', reasonText }, t('decision.done.merge'))}>
            <Form.Item label={t('decision.mergeTarget')} required validateStatus={fieldErrors.targetId ? 'error' : undefined} help={fieldError('targetId')} data-testid="merge-target-item">
              <MergeTargetSelect proposalId={p.id} value={targetId} onChange={onTargetId} status={fieldErrors.targetId ? 'error' : undefined} />
            </Form.Item>
            <Form.Item label={t('decision.reasonTextOptional')}>
              <Input.TextArea value={reasonText} onChange={(e) => setReasonText(e.target.value)} autoSize={{ minRows: 2 }} data-testid="merge-reason" />
            </Form.Item>
            {submitLabel(t('decision.mergeSubmit'))}
          </Form>
        )}

        {current === 'convert' && (
          <Form layout="vertical" onFinish={() => void decide({ type: 'convert', reasonText }, t('decision.done.convert'))}>
            <Form.Item label={t('decision.reasonTextOptional')}>
              <Input.TextArea value={reasonText} onChange={(e) => setReasonText(e.target.value)} autoSize={{ minRows: 2 }} data-testid="convert-reason" />
            </Form.Item>
            {submitLabel(t('decision.convertSubmit'))}
          </Form>
        )}

        {current === 'reject' && (
          <Form layout="vertical" onFinish={() => void decide({ type: 'reject', reasonCode: reasonCode ?? '', reasonText }, t('decision.done.reject'))}>
            <Form.Item label={t('decision.rejectReason')} required validateStatus={fieldErrors.reasonCode ? 'error' : undefined} help={fieldError('reasonCode')} data-testid="reject-reason-item">
              <Select
                value={reasonCode}
                onChange={(code: string) => {
                  setReasonCode(code);
                  setFieldErrors({});
                }}
                placeholder={t('decision.rejectReasonPlaceholder')}
                options={settings.rejectionReasons.map((r) => ({ value: r.code, label: r.label }))}
                status={fieldErrors.reasonCode ? 'error' : undefined}
                data-testid="reject-reason"
              />
            </Form.Item>
            <Form.Item label={t('decision.reasonTextOptional')}>
              <Input.TextArea value={reasonText} onChange={(e) => setReasonText(e.target.value)} autoSize={{ minRows: 2 }} data-testid="reject-text" />
            </Form.Item>
            {submitLabel(t('decision.rejectSubmit'))}
          </Form>
        )}

        {refusal && <Alert type="error" showIcon message={refusal} data-testid="decision-refusal" />}
      </Flex>
    </Card>
  );
}

import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Result, Row, Segmented, Select, Space, Spin, Typography, Upload } from 'antd';
import { PaperClipOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Proposal, ProposalKind } from '../../../shared/domain';
import { minimumCosigners } from '../../../shared/lifecycle';
import { useProfile, useRepo, useSession } from '../../app/session';
import { useRouter } from '../../app/router';
import { addAttachment, applyProposalAction, LifecycleRefusal, removeAttachment, saveDraft, type DraftFields } from '../../data/proposalCommands';
import { isStorageFailure, StorageFullError, type StorageFailure } from '../../data/storageErrors';
import { useAutosave, type AutosaveState } from './useAutosave';
import { useRosterOptions } from './useRosterOptions';
import { refusalMessage } from './refusalMessage';
import { AttachmentList } from './AttachmentList';
import { MeetingDeadlineNotice } from '../meetings/MeetingDeadlineNotice';
import { SimilarProposals } from '../similar/SimilarProposals';

const EDITABLE = new Set(['draft', 'collecting']);

function pickDraftFields(p: Proposal): DraftFields {
  return {
    kind: p.kind,
    meetingId: p.meetingId,
    title: p.title,
    categoryId: p.categoryId,
    background: p.background,
    recommendations: p.recommendations,
    suggestedUnitIds: p.suggestedUnitIds,
    invitedCosignerIds: p.invitedCosignerIds,
  };
}

/** Characters of text a save holds; the text fields only grow while the crash test types, so this names one state. */
const textLength = (f: DraftFields) => f.title.length + f.background.length + f.recommendations.length;

function SaveIndicator({ state }: { state: AutosaveState<DraftFields> }) {
  const { t } = useTranslation('proposals');
  const text =
    state.kind === 'saving' || state.kind === 'pending'
      ? t('editor.saving')
      : state.kind === 'saved'
        ? t('editor.saved', { time: state.at.toLocaleTimeString('zh-CN', { hour12: false }) })
        : state.kind === 'failed'
          ? isStorageFailure(state.error)
            ? t('editor.notSaved')
            : t('editor.saveFailed', { message: state.message })
          : '';
  return (
    <Typography.Text
      type={state.kind === 'failed' ? 'danger' : 'secondary'}
      data-testid="save-indicator"
      // Test hooks for tests/e2e/crash.e2e.test.ts: the save's phase, and which text this "已保存" acknowledges.
      data-save-state={state.kind}
      data-saved-length={state.kind === 'saved' ? textLength(state.value) : undefined}
      aria-live="polite"
    >
      {text}
    </Typography.Text>
  );
}

/** 磁盘空间不足 and other storage refusals: said in full above the form, with a retry; the text stays in the fields. */
function StorageFailureAlert({ error, onRetry }: { error: StorageFailure; onRetry: () => void }) {
  const { t } = useTranslation('proposals');
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="save-error"
      title={t(error instanceof StorageFullError ? 'editor.storageFull' : 'editor.storageRefused')}
      action={
        <Button size="small" danger onClick={onRetry} data-testid="save-retry">
          {t('editor.retrySave')}
        </Button>
      }
    />
  );
}

export function ProposalEditor({ proposalId }: { proposalId: string }) {
  const repo = useRepo();
  const stored = useLiveQuery(() => repo.db.proposal.get(proposalId).then((p) => p ?? null), [repo, proposalId]);
  const { t } = useTranslation('proposals');
  if (stored === undefined) return <Spin />;
  if (stored === null || stored.deletedAt) return <Result status="404" title={t('view.notFound')} />;
  return <EditorForm initial={stored} />;
}

function EditorForm({ initial }: { initial: Proposal }) {
  const { t, i18n } = useTranslation('proposals');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const language = useSession((s) => s.language);
  const navigate = useRouter((s) => s.navigate);
  const options = useRosterOptions(repo.db);
  const acting = useMemo(() => ({ role: profile.role, actorId: profile.actorId }), [profile]);
  const [fields, setFields] = useState<DraftFields>(() => pickDraftFields(initial));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const live = useLiveQuery(
    async () => ({
      proposal: await repo.db.proposal.get(initial.id),
      cosignatures: await repo.db.cosignature.where('proposalId').equals(initial.id).toArray(),
    }),
    [repo, initial.id],
  );
  const status = live?.proposal?.status ?? initial.status;
  const editable = EDITABLE.has(status) && initial.leadDelegateId === profile.actorId;

  const autosave = useAutosave(fields, async (value) => {
    await saveDraft(repo, initial.id, acting, value);
  });

  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    if (fieldErrors[key]) setFieldErrors(({ [key]: _, ...rest }) => rest);
  };

  const run = async (action: 'submit' | 'inviteCosigners') => {
    setBusy(true);
    try {
      await autosave.flush();
      await applyProposalAction(repo, initial.id, acting, { type: action });
      if (action === 'submit') {
        message.success(t('editor.submitted'));
        navigate({ name: 'proposalView', id: initial.id });
      } else {
        message.success(t('editor.invited'));
      }
    } catch (error) {
      if (error instanceof LifecycleRefusal && error.fieldErrors) {
        setFieldErrors(error.fieldErrors);
        message.error(t('editor.fixErrors'));
      } else {
        message.error(refusalMessage(error, i18n.t, language));
      }
    } finally {
      setBusy(false);
    }
  };

  if (!options) return <Spin />;
  const confirmed = (live?.cosignatures ?? []).filter((c) => c.status === 'confirmed' && !c.deletedAt).length;
  const minimum = options.settings ? minimumCosigners(fields, options.settings) : 0;
  const kindLabel = t(`common:kind.${fields.kind}`);
  const err = (key: string) => (fieldErrors[key] ? { validateStatus: 'error' as const, help: fieldErrors[key] } : {});

  // Similar earlier proposals sit beside the form (below it on narrow windows), visible while the delegate types.
  return (
    <Row gutter={16} wrap>
      <Col flex="1 1 640px" style={{ maxWidth: 980 }}>
    <Card
      title={t('editor.title', { kind: kindLabel })}
      extra={
        <Space>
          <SaveIndicator state={autosave.state} />
          <Button onClick={() => void autosave.flush().then(() => navigate({ name: 'proposalView', id: initial.id }))}>{t('editor.view')}</Button>
        </Space>
      }
    >
      {!editable && <Alert type="info" showIcon message={t('editor.readOnly')} style={{ marginBottom: 16 }} />}
      {autosave.state.kind === 'failed' && isStorageFailure(autosave.state.error) && (
        <StorageFailureAlert error={autosave.state.error} onRetry={() => void autosave.flush()} />
      )}
      <Form layout="vertical" disabled={!editable}>
        <Space size="large" wrap>
          <Form.Item label={t('editor.kind')}>
            <Segmented<ProposalKind>
              value={fields.kind}
              disabled={!editable || status !== 'draft'}
              options={(['motion', 'proposal', 'suggestion'] as const).map((k) => ({ value: k, label: t(`common:kind.${k}`) }))}
              onChange={(k) => set('kind', k)}
            />
          </Form.Item>
          <Form.Item label={t('editor.meeting')}>
            <Select
              style={{ width: 260 }}
              value={fields.meetingId ?? ''}
              onChange={(v) => set('meetingId', v || undefined)}
              options={[
                { value: '', label: t('editor.meetingNone') },
                ...options.meetings.map((m) => ({ value: m.id, label: m.name })),
              ]}
            />
          </Form.Item>
        </Space>
        {editable && <MeetingDeadlineNotice kind={fields.kind} meetingId={fields.meetingId} />}
        <Form.Item label={t('editor.titleLabel')} required {...err('title')}>
          <Input
            value={fields.title}
            maxLength={200}
            placeholder={t('editor.titlePlaceholder')}
            onChange={(e) => set('title', e.target.value)}
            data-testid="field-title"
          />
        </Form.Item>
        <Form.Item label={t('editor.category')} required {...err('categoryId')}>
          <Select
            style={{ maxWidth: 320 }}
            value={fields.categoryId}
            placeholder={t('editor.categoryPlaceholder')}
            onChange={(v) => set('categoryId', v)}
            options={options.categories.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="field-category"
          />
        </Form.Item>
        <Form.Item label={t('editor.background')} required {...err('background')}>
          <Input.TextArea
            value={fields.background}
            autoSize={{ minRows: 5, maxRows: 16 }}
            placeholder={t('editor.backgroundPlaceholder')}
            onChange={(e) => set('background', e.target.value)}
            data-testid="field-background"
          />
        </Form.Item>
        <Form.Item label={t('editor.recommendations')} required {...err('recommendations')}>
          <Input.TextArea
            value={fields.recommendations}
            autoSize={{ minRows: 5, maxRows: 16 }}
            placeholder={t('editor.recommendationsPlaceholder')}
            onChange={(e) => set('recommendations', e.target.value)}
            data-testid="field-recommendations"
          />
        </Form.Item>
        <Form.Item label={t('editor.units')}>
          <Select
            mode="multiple"
            value={fields.suggestedUnitIds}
            onChange={(v) => set('suggestedUnitIds', v)}
            optionFilterProp="label"
            options={options.units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          label={t('editor.cosigners')}
          extra={t('editor.cosignersHint', { confirmed, min: minimum })}
          {...err('invitedCosignerIds')}
        >
          <Select
            mode="multiple"
            value={fields.invitedCosignerIds}
            onChange={(v) => set('invitedCosignerIds', v)}
            placeholder={t('editor.cosignersPlaceholder')}
            optionFilterProp="label"
            options={options.delegates
              .filter((d) => d.id !== initial.leadDelegateId && d.status === 'active')
              .map((d) => ({
                value: d.id,
                label: `${d.name}（${d.delegateNumber}${d.delegationId ? ' · ' + (options.delegations.get(d.delegationId) ?? '') : ''}）`,
              }))}
            data-testid="field-cosigners"
          />
        </Form.Item>
        <Form.Item label={t('editor.attachments')}>
          <AttachmentList proposalId={initial.id} canRemove={editable} onRemove={(id) => removeAttachment(repo, id, acting)} />
          {editable && (
            <Upload
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void file
                  .arrayBuffer()
                  .then((buffer) => addAttachment(repo, initial.id, acting, { name: file.name, type: file.type, bytes: new Uint8Array(buffer) }))
                  .catch((error: unknown) => message.error(refusalMessage(error, i18n.t, language)));
                return false;
              }}
            >
              <Button icon={<PaperClipOutlined />} style={{ marginTop: 8 }}>
                {t('editor.addAttachment')}
              </Button>
            </Upload>
          )}
        </Form.Item>
      </Form>
      {editable && (
        <Space>
          <Popconfirm title={t('editor.submitConfirm')} onConfirm={() => void run('submit')} okText={t('common:confirm')} cancelText={t('common:cancel')}>
            <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="submit-proposal">
              {t('editor.submit')}
            </Button>
          </Popconfirm>
          {status === 'draft' && minimum > 0 && (
            <Button icon={<TeamOutlined />} disabled={busy || fields.invitedCosignerIds.length === 0} onClick={() => void run('inviteCosigners')}>
              {t('editor.inviteCosigners')}
            </Button>
          )}
        </Space>
      )}
    </Card>
      </Col>
      {editable && (
        <Col flex="0 1 360px">
          <SimilarProposals draft={{ id: initial.id, title: fields.title, background: fields.background, recommendations: fields.recommendations }} />
        </Col>
      )}
    </Row>
  );
}

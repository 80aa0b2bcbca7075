import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, List, Modal, Radio, Select, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/domain';
import { audienceMembers, audienceOfForm, type NoticeForm } from '../../../shared/meetings';
import { useProfile, useRepo } from '../../app/session';
import { publishNotice, updateNotice } from '../../data/noticeCommands';
import type { AttachmentFile } from '../../data/proposalCommands';
import { useCommand } from '../handling/useCommand';
import { DATE_TIME_FORMAT, instantOf, pickerInstant } from '../meetings/pickers';

interface Values {
  kind?: Notice['kind'];
  title?: string;
  body?: string;
  audienceKind?: Notice['audience']['kind'];
  activityGroupIds?: string[];
  delegateIds?: string[];
  repliesDueAt?: Dayjs | null;
}

/** The form's fields; a problem with the files (too large) goes to the alert below the form. */
const FIELDS = ['kind', 'title', 'body', 'audienceKind', 'activityGroupIds', 'delegateIds', 'repliesDueAt'];

/** A week from now at 17:00 北京时间: the usual time given for opinions. */
const defaultDue = (): Dayjs => dayjs(pickerInstant(new Date(Date.now() + 7 * 86_400_000).toISOString())!.format('YYYY-MM-DD') + ' 17:00');

function initialValues(notice: Notice | undefined): Values {
  if (!notice) return { kind: 'briefing', title: '', body: '', audienceKind: 'all', activityGroupIds: [], delegateIds: [], repliesDueAt: defaultDue() };
  return {
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    audienceKind: notice.audience.kind,
    activityGroupIds: notice.audience.kind === 'groups' ? notice.audience.activityGroupIds : [],
    delegateIds: notice.audience.kind === 'list' ? notice.audience.delegateIds : [],
    repliesDueAt: pickerInstant(notice.repliesDueAt) ?? defaultDue(),
  };
}

/**
 * 发布 / 修改通报 (office): kind (通报 or 征求意见 with a due time), title, text, audience (all, activity groups, named
 * delegates, with the number of serving delegates it reaches) and attachments. Files stay on screen until the
 * notice is stored, so nothing is lost when it is refused.
 */
export function NoticeFormModal({ notice, onClose }: { notice?: Notice; onClose: (saved?: Notice) => void }) {
  const { t } = useTranslation('notices');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, run } = useCommand();
  const [files, setFiles] = useState<(AttachmentFile & { uid: string })[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form);
  const audienceKind = Form.useWatch('audienceKind', form);
  const groupIds = Form.useWatch('activityGroupIds', form);
  const delegateIds = Form.useWatch('delegateIds', form);
  const roster = useLiveQuery(async () => {
    const [groups, delegates, attachments] = await Promise.all([
      repo.db.activityGroup.toArray(),
      repo.db.delegate.toArray(),
      notice ? repo.db.attachment.where('[ownerEntity+ownerId]').equals(['notice', notice.id]).toArray() : Promise.resolve([]),
    ]);
    return {
      groups: groups.filter((g) => !g.deletedAt).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN')),
      delegates: delegates.filter((d) => !d.deletedAt).sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber, 'zh-CN', { numeric: true })),
      attachments: attachments.filter((a) => !a.deletedAt),
    };
  }, [repo, notice]);
  const reach = roster
    ? audienceMembers(audienceOfForm({ audienceKind: audienceKind ?? 'all', activityGroupIds: groupIds ?? [], delegateIds: delegateIds ?? [] }), roster.delegates).length
    : 0;

  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    const fields: NoticeForm = {
      ...(v.kind ? { kind: v.kind } : {}),
      title: v.title ?? '',
      body: v.body ?? '',
      ...(v.audienceKind ? { audienceKind: v.audienceKind } : {}),
      activityGroupIds: v.activityGroupIds ?? [],
      delegateIds: v.delegateIds ?? [],
      repliesDueAt: instantOf(v.repliesDueAt),
    };
    const acting = { role: profile.role, actorId: profile.actorId };
    const attached = files.map(({ name, type, bytes }) => ({ name, type, bytes }));
    let saved: Notice | undefined;
    const ok = await run(
      async () => {
        saved = notice
          ? await updateNotice(repo, acting, notice.id, { ...fields, files: attached, removeAttachmentIds: removed })
          : await publishNotice(repo, acting, { ...fields, files: attached });
      },
      notice ? t('form.saved') : t('form.published'),
      form,
      FIELDS,
    );
    if (ok) onClose(saved);
  };

  return (
    <Modal
      open
      title={notice ? t('form.editTitle') : t('form.addTitle')}
      okText={notice ? t('form.submitEdit') : t('form.submitNew')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => onClose()}
      destroyOnHidden
      width={720}
    >
      <Form form={form} layout="vertical" initialValues={initialValues(notice)} data-testid="notice-form">
        <Form.Item name="kind" label={t('form.kind')} required data-testid="notice-kind-item">
          <Radio.Group
            options={[
              { value: 'briefing', label: t('form.kindBriefing') },
              { value: 'consultation', label: t('form.kindConsultation') },
            ]}
            data-testid="notice-kind"
          />
        </Form.Item>
        <Form.Item name="title" label={t('form.title')} required data-testid="notice-title-item">
          <Input maxLength={200} placeholder={t('form.titlePlaceholder')} data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="body" label={t('form.body')} required data-testid="notice-body-item">
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} data-testid="notice-body" />
        </Form.Item>
        <Form.Item name="audienceKind" label={t('form.audience')} required extra={t('form.addressees', { count: reach })} data-testid="notice-audience-item">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'all', label: t('form.audienceAll') },
              { value: 'groups', label: t('form.audienceGroups') },
              { value: 'list', label: t('form.audienceList') },
            ]}
            data-testid="notice-audience"
          />
        </Form.Item>
        {audienceKind === 'groups' && (
          <Form.Item name="activityGroupIds" label={t('form.groups')} required data-testid="notice-groups-item">
            <Select mode="multiple" placeholder={t('form.groupsPlaceholder')} options={roster?.groups.map((g) => ({ value: g.id, label: g.name })) ?? []} optionFilterProp="label" data-testid="notice-groups" />
          </Form.Item>
        )}
        {audienceKind === 'list' && (
          <Form.Item name="delegateIds" label={t('form.delegates')} required data-testid="notice-delegates-item">
            <Select
              mode="multiple"
              placeholder={t('form.delegatesPlaceholder')}
              options={roster?.delegates.filter((d) => d.status === 'active').map((d) => ({ value: d.id, label: `${d.name}（${d.delegateNumber}）` })) ?? []}
              optionFilterProp="label"
              data-testid="notice-delegates"
            />
          </Form.Item>
        )}
        {kind === 'consultation' && (
          <Form.Item name="repliesDueAt" label={t('form.due')} required data-testid="notice-due-item">
            <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: 240 }} data-testid="notice-due" />
          </Form.Item>
        )}
        <Form.Item label={t('form.files')} data-testid="notice-files-item">
          {(roster?.attachments.length ?? 0) + files.length > 0 && (
            <List
              size="small"
              style={{ marginBottom: 8 }}
              dataSource={[
                ...(roster?.attachments ?? []).map((a) => ({ key: a.id, name: a.fileName, stored: true, gone: removed.includes(a.id) })),
                ...files.map((f) => ({ key: f.uid, name: f.name, stored: false, gone: false })),
              ]}
              renderItem={(f) => (
                <List.Item
                  actions={[
                    f.gone ? (
                      <Button key="undo" type="link" size="small" icon={<UndoOutlined />} onClick={() => setRemoved((ids) => ids.filter((id) => id !== f.key))} aria-label={t('common:cancel')} />
                    ) : (
                      <Button
                        key="rm"
                        type="link"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => (f.stored ? setRemoved((ids) => [...ids, f.key]) : setFiles((all) => all.filter((x) => x.uid !== f.key)))}
                        aria-label={t('form.removeFile')}
                      />
                    ),
                  ]}
                >
                  <Typography.Text delete={f.gone}>
                    <PaperClipOutlined /> {f.name}
                  </Typography.Text>
                </List.Item>
              )}
              data-testid="notice-files"
            />
          )}
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void file.arrayBuffer().then((buffer) => setFiles((all) => [...all, { uid: file.uid, name: file.name, type: file.type, bytes: new Uint8Array(buffer) }]));
              return false;
            }}
          >
            <Button icon={<PaperClipOutlined />} data-testid="notice-add-file">
              {t('form.addFile')}
            </Button>
          </Upload>
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="notice-refusal" />}
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, List, Radio, Select, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { HandlingAssignment, ReplyClass } from '../../../shared/domain';
import { replyingUnitsOf, toCalendarDate } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { recordReply } from '../../data/handlingCommands';
import type { AttachmentFile } from '../../data/proposalCommands';
import { DATE_FORMAT, fromDateString, toDateString } from './dates';
import type { HandlingData } from './useHandlingData';
import { useCommand } from './useCommand';

interface Values {
  unitId?: string;
  resultClass?: ReplyClass;
  repliedOn: Dayjs | null;
  documentNumber?: string;
  signer?: string;
  text?: string;
  adoptedItems?: string;
  plannedItems?: string;
}

const lines = (text: string | undefined): string[] => (text ?? '').split('\n');

/**
 * 答复: text and/or the scanned letter, 文号, signer, date, class A/B/C (D only when the congress allows it), adopted
 * and planned items. Under 分办 the office says which unit answered. Files are kept on screen until the reply is
 * stored, so nothing is lost when it is refused.
 */
export function ReplyForm({ data, assignment }: { data: HandlingData; assignment: HandlingAssignment }) {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<(AttachmentFile & { uid: string })[]>([]);
  const { busy, refusal, run } = useCommand();
  const answered = new Set(data.roundReplies.map((r) => r.unitId));
  const waiting = replyingUnitsOf(assignment).filter((u) => !answered.has(u));
  const split = assignment.mode === 'split';
  const classes: ReplyClass[] = data.settings.allowClassD ? ['A', 'B', 'C', 'D'] : ['A', 'B', 'C'];
  const fields = [...(split ? ['unitId'] : []), 'resultClass', 'repliedOn', 'documentNumber', 'signer', 'text', 'adoptedItems', 'plannedItems'];

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const ok = await run(
      () =>
        recordReply(repo, data.proposal.id, { role: profile.role, actorId: profile.actorId }, {
          ...(v.unitId && split ? { unitId: v.unitId } : {}),
          ...(v.resultClass ? { resultClass: v.resultClass } : {}),
          repliedOn: toDateString(v.repliedOn),
          text: v.text ?? '',
          documentNumber: v.documentNumber ?? '',
          signer: v.signer ?? '',
          adoptedItems: lines(v.adoptedItems),
          plannedItems: lines(v.plannedItems),
          files: files.map(({ name, type, bytes }) => ({ name, type, bytes })),
        }),
      t('reply.done'),
      form,
      fields,
    );
    if (ok) {
      form.resetFields();
      setFiles([]);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ repliedOn: fromDateString(toCalendarDate(data.now)), ...(split && waiting.length === 1 ? { unitId: waiting[0] } : {}) }}
      onFinish={() => void submit()}
      data-testid="reply-form"
    >
      {answered.size > 0 && (
        <Typography.Paragraph type="secondary" data-testid="reply-answered">
          {t('reply.answered', { units: [...answered].map(data.unitName).join('、') })}
        </Typography.Paragraph>
      )}
      {split ? (
        <Form.Item name="unitId" label={t('reply.unit')} required data-testid="reply-unit-item">
          <Select options={waiting.map((u) => ({ value: u, label: data.unitName(u) }))} placeholder={t('reply.unitPlaceholder')} data-testid="reply-unit" />
        </Form.Item>
      ) : (
        <Typography.Paragraph data-testid="reply-lead-unit">{t('reply.leadAnswers', { unit: data.unitName(assignment.leadUnitId) })}</Typography.Paragraph>
      )}
      <Form.Item name="resultClass" label={t('reply.resultClass')} required data-testid="reply-class-item">
        <Radio.Group>
          <Space orientation="vertical" data-testid="reply-class">
            {classes.map((c) => (
              <Radio key={c} value={c} data-testid={`reply-class-${c}`}>
                {t(`reply.classes.${c}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="repliedOn" label={t('reply.repliedOn')} required data-testid="reply-date-item">
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="reply-date" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="documentNumber" label={t('reply.documentNumber')} style={{ flex: 2 }}>
          <Input placeholder={t('reply.documentNumberPlaceholder')} data-testid="reply-document-number" />
        </Form.Item>
        <Form.Item name="signer" label={t('reply.signer')} style={{ flex: 1, marginInlineStart: 8 }}>
          <Input data-testid="reply-signer" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="text" label={t('reply.text')} data-testid="reply-text-item">
        <Input.TextArea autoSize={{ minRows: 4 }} placeholder={t('reply.textPlaceholder')} data-testid="reply-text" />
      </Form.Item>
      <Form.Item label={t('reply.files')} data-testid="reply-files-item">
        {files.length > 0 && (
          <List
            size="small"
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                actions={[<Button key="rm" type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => setFiles((all) => all.filter((x) => x.uid !== f.uid))} aria-label={t('common:delete')} />]}
              >
                <PaperClipOutlined /> {f.name}
              </List.Item>
            )}
            style={{ marginBottom: 8 }}
            data-testid="reply-files"
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
          <Button icon={<PaperClipOutlined />} data-testid="reply-add-file">
            {t('reply.addFile')}
          </Button>
        </Upload>
      </Form.Item>
      <Form.Item name="adoptedItems" label={t('reply.adoptedItems')}>
        <Input.TextArea autoSize={{ minRows: 2 }} data-testid="reply-adopted" />
      </Form.Item>
      <Form.Item name="plannedItems" label={t('reply.plannedItems')}>
        <Input.TextArea autoSize={{ minRows: 2 }} data-testid="reply-planned" />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="handling-refusal" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="reply-submit">
        {t('reply.submit')}
      </Button>
    </Form>
  );
}

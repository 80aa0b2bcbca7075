import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Resolution } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { saveResolution } from '../../data/meetingCommands';
import { useCommand } from '../handling/useCommand';
import { DATE_FORMAT, dayOf, pickerDay } from './pickers';

interface Values {
  title?: string;
  adoptedOn?: Dayjs | null;
  text?: string;
}

/** 添加 / 编辑决议 (office): title, the day it was adopted, the full text. */
export function ResolutionFormModal({ meetingId, resolution, onClose }: { meetingId: string; resolution?: Resolution; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, run } = useCommand();

  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    const ok = await run(
      () =>
        saveResolution(repo, { role: profile.role, actorId: profile.actorId }, meetingId, {
          ...(resolution ? { id: resolution.id } : {}),
          title: v.title ?? '',
          text: v.text ?? '',
          adoptedOn: dayOf(v.adoptedOn),
        }),
      t('resolutions.saved'),
      form,
      ['title', 'adoptedOn', 'text'],
    );
    if (ok) onClose();
  };

  return (
    <Modal
      open
      title={resolution ? t('resolutions.editTitle') : t('resolutions.addTitle')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: resolution?.title ?? '', adoptedOn: pickerDay(resolution?.adoptedOn), text: resolution?.text ?? '' }}
        data-testid="resolution-form"
      >
        <Form.Item name="title" label={t('resolutions.titleLabel')} required data-testid="resolution-title-item">
          <Input maxLength={200} placeholder={t('resolutions.titlePlaceholder')} data-testid="resolution-title" />
        </Form.Item>
        <Form.Item name="adoptedOn" label={t('resolutions.adoptedOnLabel')} data-testid="resolution-adopted-item">
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} data-testid="resolution-adopted" />
        </Form.Item>
        <Form.Item name="text" label={t('resolutions.text')} required data-testid="resolution-text-item">
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} data-testid="resolution-text" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="resolution-refusal" />}
      </Form>
    </Modal>
  );
}

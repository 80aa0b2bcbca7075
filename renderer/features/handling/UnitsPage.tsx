import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Popconfirm, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { HandlingUnit } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { deleteHandlingUnit, saveHandlingUnit, setHandlingUnitActive } from '../../data/handlingCommands';
import { handlingUnits } from '../../data/handlingQueries';
import { useCommand } from './useCommand';

interface UnitRow {
  unit: HandlingUnit;
  /** Named on an assignment: can be 停用, never deleted */
  assigned: boolean;
}

/** 承办单位: the county departments offered for 交办, with contact person and phone. */
export function UnitsPage() {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const acting = { role: profile.role, actorId: profile.actorId };
  const [editing, setEditing] = useState<HandlingUnit | 'new' | undefined>();
  const { refusal, run } = useCommand();

  const rows = useLiveQuery(async (): Promise<UnitRow[]> => {
    const [units, assignments] = await Promise.all([handlingUnits(repo.db), repo.db.handlingAssignment.toArray()]);
    const named = new Set(assignments.filter((a) => !a.deletedAt).flatMap((a) => [...(a.leadUnitId ? [a.leadUnitId] : []), ...a.coUnitIds, ...a.splitUnitIds]));
    return units.map((unit) => ({ unit, assigned: named.has(unit.id) }));
  }, [repo]);
  if (!rows) return <Spin />;

  const columns: TableColumnsType<UnitRow> = [
    { title: t('units.name'), key: 'name', render: (_, r) => <Typography.Text data-testid="unit-name">{r.unit.name}</Typography.Text> },
    { title: t('units.contactName'), key: 'contactName', render: (_, r) => r.unit.contactName ?? '—' },
    { title: t('units.contactPhone'), key: 'contactPhone', render: (_, r) => r.unit.contactPhone ?? '—' },
    {
      title: t('units.status'),
      key: 'status',
      width: 90,
      render: (_, r) => (r.unit.active ? <Tag color="green">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>),
    },
    {
      title: t('units.actions'),
      key: 'actions',
      width: 220,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(r.unit)} data-testid="unit-edit">
            {t('units.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => void run(() => setHandlingUnitActive(repo, acting, r.unit.id, !r.unit.active), r.unit.active ? t('units.disabled') : t('units.enabled'))}
            data-testid="unit-toggle"
          >
            {r.unit.active ? t('units.disable') : t('units.enable')}
          </Button>
          <Tooltip title={r.assigned ? t('units.deleteBlocked') : ''}>
            <span>
              <Popconfirm
                title={t('units.deleteConfirm', { name: r.unit.name })}
                okText={t('common:confirm')}
                cancelText={t('common:cancel')}
                onConfirm={() => void run(() => deleteHandlingUnit(repo, acting, r.unit.id), t('units.deleted'))}
                disabled={r.assigned}
              >
                <Button type="link" size="small" danger disabled={r.assigned} data-testid="unit-delete">
                  {t('units.delete')}
                </Button>
              </Popconfirm>
            </span>
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('units.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('units.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-add">
          {t('units.add')}
        </Button>
      </Flex>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="handling-refusal" />}
      <Table<UnitRow>
        size="small"
        rowKey={(r) => r.unit.id}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('units.empty') }}
        onRow={(r) => ({ 'data-testid': 'unit-row', 'data-unit': r.unit.name }) as HTMLAttributes<HTMLElement>}
      />
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Flex>
  );
}

interface UnitValues {
  name?: string;
  contactName?: string;
  contactPhone?: string;
}

/** Add or edit one unit; problems show beside the fields and the dialog stays open with what was typed. */
function UnitFormModal({ unit, onClose }: { unit: HandlingUnit | undefined; onClose: () => void }) {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<UnitValues>();
  const [busy, setBusy] = useState(false);
  const { refusal, run } = useCommand();

  const save = async () => {
    setBusy(true);
    const v = form.getFieldsValue(true) as UnitValues;
    const ok = await run(
      () => saveHandlingUnit(repo, { role: profile.role, actorId: profile.actorId }, { ...(unit ? { id: unit.id } : {}), name: v.name ?? '', contactName: v.contactName ?? '', contactPhone: v.contactPhone ?? '' }),
      t('units.saved'),
      form,
      ['name', 'contactName', 'contactPhone'],
    );
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Modal
      open
      title={unit ? t('units.editTitle') : t('units.addTitle')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ name: unit?.name ?? '', contactName: unit?.contactName ?? '', contactPhone: unit?.contactPhone ?? '' }} onFinish={() => void save()} data-testid="unit-form">
        <Form.Item name="name" label={t('units.name')} required data-testid="unit-name-item">
          <Input data-testid="unit-name-input" />
        </Form.Item>
        <Form.Item name="contactName" label={t('units.contactName')} data-testid="unit-contact-item">
          <Input data-testid="unit-contact-input" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('units.contactPhone')} data-testid="unit-phone-item">
          <Input data-testid="unit-phone-input" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} />}
      </Form>
    </Modal>
  );
}

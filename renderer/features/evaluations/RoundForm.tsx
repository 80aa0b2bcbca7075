import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { EvaluationRound } from '../../../shared/domain';
import { presetOfScale, scaleOfPreset, type RoundInput, type ScalePreset } from '../../../shared/evaluations';
import { useProfile, useRepo } from '../../app/session';
import { saveRound } from '../../data/evaluationCommands';
import { isoToPicker, pickerToIso, PICKER_FORMAT } from './format';
import { useEvaluationCommand } from './useEvaluationCommand';

const KINDS: EvaluationRound['kind'][] = ['democratic', 'reporting', 'handlingSatisfaction', 'custom'];
const PRESETS: ScalePreset[] = ['grades', 'satisfaction', 'score', 'custom'];

interface Values {
  title: string;
  kind: EvaluationRound['kind'];
  subjects: { id?: string; name?: string; description?: string }[];
  criteria: string;
  rateCriteria: boolean;
  scalePreset: ScalePreset;
  customGrades: string;
  votersKind: EvaluationRound['voters']['kind'];
  activityGroupIds: string[];
  delegateIds: string[];
  opensAt: Dayjs | null;
  closesAt: Dayjs | null;
}

const lines = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

function initialValues(round: EvaluationRound | undefined): Values {
  if (round) {
    const preset = presetOfScale(round.scale);
    return {
      title: round.title,
      kind: round.kind,
      subjects: round.subjects.map((s) => ({ ...s })),
      criteria: round.criteria.join('\n'),
      rateCriteria: round.rateCriteria ?? false,
      scalePreset: preset,
      customGrades: preset === 'custom' && round.scale.kind === 'grades' ? round.scale.options.join('\n') : '',
      votersKind: round.voters.kind,
      activityGroupIds: round.voters.kind === 'groups' ? round.voters.activityGroupIds : [],
      delegateIds: round.voters.kind === 'list' ? round.voters.delegateIds : [],
      opensAt: isoToPicker(round.opensAt),
      closesAt: isoToPicker(round.closesAt),
    };
  }
  // A new round opens at the next full hour and runs for a week.
  const opens = dayjs().add(1, 'hour').startOf('hour');
  return {
    title: '',
    kind: 'democratic',
    subjects: [{ name: '' }],
    criteria: '',
    rateCriteria: false,
    scalePreset: 'grades',
    customGrades: '',
    votersKind: 'all',
    activityGroupIds: [],
    delegateIds: [],
    opensAt: opens,
    closesAt: opens.add(7, 'day'),
  };
}

function toInput(v: Values): RoundInput {
  const voters: RoundInput['voters'] =
    v.votersKind === 'groups'
      ? { kind: 'groups', activityGroupIds: v.activityGroupIds ?? [] }
      : v.votersKind === 'list'
        ? { kind: 'list', delegateIds: v.delegateIds ?? [] }
        : { kind: 'all' };
  return {
    kind: v.kind,
    title: v.title ?? '',
    subjects: (v.subjects ?? []).map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      name: s.name ?? '',
      ...(s.description ? { description: s.description } : {}),
    })),
    criteria: lines(v.criteria),
    rateCriteria: !!v.rateCriteria,
    scale: scaleOfPreset(v.scalePreset, lines(v.customGrades)),
    voters,
    opensAt: pickerToIso(v.opensAt),
    closesAt: pickerToIso(v.closesAt),
  };
}

/**
 * 新建 / 修改评议 (a draft round): kind, subjects, criteria, scale, voters, times. The command checks everything;
 * its messages go beside the fields and nothing typed is lost.
 */
export function RoundForm({ round, onSaved, onCancel }: { round?: EvaluationRound; onSaved: (round: EvaluationRound) => void; onCancel?: () => void }) {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, fieldErrors, run, clearField } = useEvaluationCommand();
  const roster = useLiveQuery(async () => {
    const [groups, delegates] = await Promise.all([repo.db.activityGroup.toArray(), repo.db.delegate.toArray()]);
    return {
      groups: groups.filter((g) => !g.deletedAt).sort((a, b) => a.sortOrder - b.sortOrder),
      delegates: delegates.filter((d) => !d.deletedAt && d.status === 'active').sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber, 'zh-CN', { numeric: true })),
    };
  }, [repo]);
  const scalePreset = Form.useWatch('scalePreset', form);
  const votersKind = Form.useWatch('votersKind', form);

  const status = (key: string) => (fieldErrors[key] ? ('error' as const) : undefined);
  const item = (key: string) => ({ validateStatus: status(key), help: fieldErrors[key], 'data-testid': `round-${key.replace(/\./g, '-')}-item` });

  const submit = async () => {
    const input = toInput(form.getFieldsValue(true) as Values);
    let saved: EvaluationRound | undefined;
    const ok = await run(async () => {
      saved = await saveRound(repo, { role: profile.role, actorId: profile.actorId }, input, round?.id);
    }, round ? t('form.saved') : t('form.created'));
    if (ok && saved) onSaved(saved);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues(round)}
      onFinish={() => void submit()}
      onValuesChange={(changed: Partial<Values>) => {
        for (const key of Object.keys(changed)) {
          if (key === 'scalePreset' || key === 'customGrades') clearField('scale');
          else if (key === 'votersKind' || key === 'activityGroupIds' || key === 'delegateIds') clearField('voters');
          else if (key === 'rateCriteria') clearField('criteria');
          else clearField(key);
        }
      }}
      data-testid="round-form"
    >
      <Form.Item name="title" label={t('form.title')} required {...item('title')}>
        <Input placeholder={t('form.titlePlaceholder')} maxLength={200} data-testid="round-title" />
      </Form.Item>
      <Form.Item name="kind" label={t('form.kind')} required>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} data-testid="round-kind" />
      </Form.Item>

      <Form.Item label={t('form.subjects')} required {...item('subjects')}>
        <Form.List name="subjects">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" data-testid="round-subject">
                  <Form.Item name={[field.name, 'name']} style={{ flex: 2, marginBottom: 0 }} {...item(`subjects.${index}.name`)}>
                    <Input placeholder={t('form.subjectNamePlaceholder')} aria-label={t('form.subjectName')} data-testid={`round-subject-name-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} style={{ flex: 3, marginBottom: 0 }}>
                    <Input placeholder={t('form.subjectDescriptionPlaceholder')} aria-label={t('form.subjectDescription')} data-testid={`round-subject-description-${index}`} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => {
                      remove(field.name);
                      clearField('subjects');
                    }}
                    aria-label={t('form.removeSubject')}
                    data-testid={`round-subject-remove-${index}`}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} data-testid="round-add-subject">
                {t('form.addSubject')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>

      <Form.Item name="criteria" label={t('form.criteria')} {...item('criteria')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.criteriaPlaceholder')} data-testid="round-criteria" />
      </Form.Item>
      <Form.Item name="rateCriteria" valuePropName="checked">
        <Checkbox data-testid="round-rate-criteria">{t('form.rateCriteria')}</Checkbox>
      </Form.Item>

      <Form.Item name="scalePreset" label={t('form.scale')} required {...item('scale')}>
        <Radio.Group data-testid="round-scale">
          <Flex vertical gap={4}>
            {PRESETS.map((p) => (
              <Radio key={p} value={p} data-testid={`round-scale-${p}`}>
                {t(`form.scales.${p}`)}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      {scalePreset === 'custom' && (
        <Form.Item name="customGrades" label={t('form.customGrades')}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="round-custom-grades" />
        </Form.Item>
      )}

      <Form.Item name="votersKind" label={t('form.voters')} required {...item('voters')}>
        <Radio.Group data-testid="round-voters">
          {(['all', 'groups', 'list'] as const).map((k) => (
            <Radio key={k} value={k} data-testid={`round-voters-${k}`}>
              {t(`form.votersKind.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {votersKind === 'groups' && (
        <Form.Item name="activityGroupIds">
          <Select
            mode="multiple"
            placeholder={t('form.groupsPlaceholder')}
            options={(roster?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
            optionFilterProp="label"
            data-testid="round-groups"
          />
        </Form.Item>
      )}
      {votersKind === 'list' && (
        <Form.Item name="delegateIds">
          <Select
            mode="multiple"
            placeholder={t('form.delegatesPlaceholder')}
            options={(roster?.delegates ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.delegateNumber}）` }))}
            optionFilterProp="label"
            data-testid="round-delegates"
          />
        </Form.Item>
      )}

      <Flex gap={16} wrap>
        <Form.Item name="opensAt" label={t('form.opensAt')} required style={{ minWidth: 240 }} {...item('opensAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} needConfirm={false} style={{ width: '100%' }} data-testid="round-opens-at" />
        </Form.Item>
        <Form.Item name="closesAt" label={t('form.closesAt')} required style={{ minWidth: 240 }} {...item('closesAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} needConfirm={false} style={{ width: '100%' }} data-testid="round-closes-at" />
        </Form.Item>
      </Flex>

      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="round-refusal" />}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="round-save">
          {round ? t('form.save') : t('form.create')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} data-testid="round-cancel">
            {t('form.cancel')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}

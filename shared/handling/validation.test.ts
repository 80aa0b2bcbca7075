import { describe, expect, it } from 'vitest';
import { validateAssignment, validateConsultation, validateExtension, validateReply, validateReturn, validateUnit } from './validation';

const today = '2026-03-04';
const units = new Set(['U1', 'U2', 'U3']);

describe('validateAssignment', () => {
  const check = (form: Parameters<typeof validateAssignment>[0]) => validateAssignment(form, { activeUnitIds: units, today });

  it('主办 needs a unit in use that is not also 协办', () => {
    expect(check({ mode: 'lead', deadline: '2026-06-04' })).toEqual({ leadUnitId: '请选择主办单位' });
    expect(check({ mode: 'lead', leadUnitId: 'U1', coUnitIds: ['U1'], deadline: '2026-06-04' })).toEqual({ coUnitIds: '主办单位不能同时是协办单位' });
    expect(check({ mode: 'lead', leadUnitId: 'OLD', deadline: '2026-06-04' })).toHaveProperty('leadUnitId');
    expect(check({ mode: 'lead', leadUnitId: 'U1', coUnitIds: ['U2'], deadline: '2026-06-04' })).toEqual({});
  });

  it('分办 needs two different units', () => {
    expect(check({ mode: 'split', splitUnitIds: ['U1', 'U1'], deadline: '2026-06-04' })).toHaveProperty('splitUnitIds');
    expect(check({ mode: 'split', splitUnitIds: ['U1', 'U2'], deadline: '2026-06-04' })).toEqual({});
  });

  it('needs a real deadline after today', () => {
    expect(check({ mode: 'lead', leadUnitId: 'U1' })).toEqual({ deadline: '请选择办理期限' });
    expect(check({ mode: 'lead', leadUnitId: 'U1', deadline: today })).toEqual({ deadline: '办理期限须晚于今天' });
    expect(check({ mode: 'lead', leadUnitId: 'U1', deadline: '2026-02-30' })).toEqual({ deadline: '办理期限不是有效的日期' });
  });
});

describe('the other handling forms', () => {
  it('延期 needs a later date and a reason', () => {
    expect(validateExtension({}, '2026-06-04')).toEqual({ newDeadline: '请选择新的办理期限', reason: '请填写延期理由' });
    expect(validateExtension({ newDeadline: '2026-06-04', reason: '需协调' }, '2026-06-04')).toEqual({ newDeadline: '新的办理期限须晚于当前期限 2026-06-04' });
    expect(validateExtension({ newDeadline: '2026-07-04', reason: '需协调' }, '2026-06-04')).toEqual({});
  });

  it('退回 names a unit on the assignment and a reason', () => {
    expect(validateReturn({ unitId: 'U3', reason: ' ' }, ['U1', 'U2'])).toEqual({ unitId: '该单位不是本件的承办单位', reason: '请填写退回理由' });
    expect(validateReturn({ unitId: 'U2', reason: '不属于本单位职责' }, ['U1', 'U2'])).toEqual({});
  });

  it('办前面商 needs the unit, a date not in the future and the form', () => {
    const options = { unitIds: ['U1'], today };
    expect(validateConsultation({}, options)).toEqual({ unitId: '请选择承办单位', date: '请选择面商日期', form: '请选择面商形式' });
    expect(validateConsultation({ unitId: 'U1', date: '2026-03-05', form: 'phone' }, options)).toEqual({ date: '面商日期不能晚于今天' });
    expect(validateConsultation({ unitId: 'U1', date: today, form: 'meeting', notes: '' }, options)).toEqual({});
  });

  it('答复 needs text or a scan, a date, and a class; D only when allowed', () => {
    const options = { allowClassD: false, replyingUnitIds: ['U1'], hasAttachment: false, today };
    expect(validateReply({ unitId: 'U1' }, options)).toEqual({ text: '请填写答复内容，或添加答复函扫描件', repliedOn: '请选择答复日期', resultClass: '请选择答复类别' });
    const complete = { unitId: 'U1', text: '经研究，已列入计划。', repliedOn: today, resultClass: 'B' as const };
    expect(validateReply(complete, options)).toEqual({});
    expect(validateReply({ ...complete, text: '' }, { ...options, hasAttachment: true })).toEqual({});
    expect(validateReply({ ...complete, resultClass: 'D' }, options)).toEqual({ resultClass: '未启用 D 类答复，请选择 A、B 或 C 类' });
    expect(validateReply({ ...complete, resultClass: 'D' }, { ...options, allowClassD: true })).toEqual({});
    expect(validateReply({ ...complete, unitId: 'U2', adoptedItems: ['字'.repeat(201)] }, options)).toEqual({
      unitId: '该单位不是本件的答复单位',
      adoptedItems: '每一项不超过 200 字',
    });
  });

  it('承办单位 needs a unique name and a plausible phone number', () => {
    expect(validateUnit({ name: ' ' }, [])).toEqual({ name: '请填写单位名称' });
    expect(validateUnit({ name: '县教育局 ' }, ['县教育局'])).toEqual({ name: '已有同名的承办单位' });
    expect(validateUnit({ name: '县水利局', contactPhone: 'abc' }, [])).toHaveProperty('contactPhone');
    expect(validateUnit({ name: '县水利局', contactName: '王科长', contactPhone: '0731-12345678转123' }, [])).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { congressSettingsSchema, newId } from '../domain';
import type { CongressProfileContents } from './congressProfile';
import { buildCongressProfile, parseCongressProfile, serializeCongressProfile } from './congressProfile';

const AT = '2026-01-05T02:00:00.000Z';
const base = () => ({ id: newId(), createdAt: AT, updatedAt: AT });

function contents(): CongressProfileContents {
  const congress = { ...base(), name: '中国共产党某某县第十五次代表大会', term: 15, region: '某某县' };
  const delegation = { ...base(), name: '城关镇代表团', sortOrder: 0 };
  const group = { ...base(), name: '第一活动组', sortOrder: 0 };
  return {
    congress,
    settings: congressSettingsSchema.parse({ id: congress.id, createdAt: AT, updatedAt: AT }),
    categories: [
      { ...base(), name: '经济发展', sortOrder: 1 },
      { ...base(), name: '党的建设', sortOrder: 0 },
    ],
    handlingUnits: [{ ...base(), name: '县教育局', sortOrder: 0, active: true }],
    delegations: [delegation],
    activityGroups: [group],
    delegates: [
      { ...base(), name: '李晓梅', delegateNumber: '10', delegationId: delegation.id, status: 'active' },
      { ...base(), name: '张三', gender: 'male', delegateNumber: '2', delegationId: delegation.id, activityGroupId: group.id, phone: '13800000001', status: 'active' },
      { ...base(), name: '已删除', delegateNumber: '3', status: 'active', deletedAt: AT },
    ],
    staff: [{ ...base(), name: '王干事', title: '联络组', devicePublicKey: 'c2VjcmV0LWlzaA==' }],
    meetings: [
      { ...base(), congressId: congress.id, session: 3, name: '十五届三次会议', startDate: '2026-03-10', endDate: '2026-03-12', proposalDeadline: '2026-03-11T10:00:00.000Z' },
    ],
  };
}

describe('congress profile file', () => {
  it('round-trips through text, dropping tombstones and staff keys, ordering lists', () => {
    const source = contents();
    const profile = buildCongressProfile(source, new Date(AT));
    const parsed = parseCongressProfile(serializeCongressProfile(profile));
    if (!parsed.ok) throw new Error(parsed.message);

    expect(parsed.profile).toEqual(profile);
    expect(parsed.profile.format).toBe('delegatedesk-profile');
    expect(parsed.profile.version).toBe(1);
    expect(parsed.profile.congress.name).toBe(source.congress.name);
    expect(parsed.profile.categories.map((c) => c.name)).toEqual(['党的建设', '经济发展']);
    // Numeric order of 代表证号: 2 before 10; the deleted delegate is not exported.
    expect(parsed.profile.delegates.map((d) => d.name)).toEqual(['张三', '李晓梅']);
    expect(parsed.profile.delegates[0]).toMatchObject({ gender: 'male', phone: '13800000001' });
    expect(parsed.profile.staff).toEqual([{ id: source.staff[0]!.id, createdAt: AT, updatedAt: AT, name: '王干事', title: '联络组' }]);
    expect(parsed.profile.meetings).toHaveLength(1);
  });

  it('accepts a UTF-8 byte-order mark before the JSON', () => {
    const text = '\uFEFF' + serializeCongressProfile(buildCongressProfile(contents()));
    expect(parseCongressProfile(text).ok).toBe(true);
  });

  it('refuses damaged JSON with a Chinese message', () => {
    const text = serializeCongressProfile(buildCongressProfile(contents()));
    const result = parseCongressProfile(text.slice(0, text.length / 2));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('文件不是有效的代表名册文件') });
  });

  it('refuses a JSON document of another format', () => {
    expect(parseCongressProfile('{"name":"package.json"}')).toEqual({ ok: false, message: '文件不是有效的代表名册文件' });
    expect(parseCongressProfile('[1,2,3]')).toEqual({ ok: false, message: '文件不是有效的代表名册文件' });
    const wrongFormat = { ...buildCongressProfile(contents()), format: 'delegatedesk-backup' };
    expect(parseCongressProfile(JSON.stringify(wrongFormat)).ok).toBe(false);
  });

  it('refuses a file from a newer version and asks to upgrade', () => {
    const future = { ...buildCongressProfile(contents()), version: 2, somethingNew: [] };
    const result = parseCongressProfile(JSON.stringify(future));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('版本过新，请升级软件');
  });

  it('names the record that fails its schema', () => {
    const profile = buildCongressProfile(contents());
    const broken = JSON.parse(serializeCongressProfile(profile)) as { delegates: { name: string }[] };
    broken.delegates[1]!.name = '';
    const result = parseCongressProfile(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/第 2 条代表记录的“name”字段不符合要求/);
  });

  it('refuses dangling references and duplicate 代表证号', () => {
    const profile = buildCongressProfile(contents());
    const dangling = { ...profile, delegations: [] };
    const danglingResult = parseCongressProfile(JSON.stringify(dangling));
    expect(danglingResult.ok).toBe(false);
    if (!danglingResult.ok) expect(danglingResult.message).toContain('所属的代表团不在文件中');

    const duplicate = { ...profile, delegates: profile.delegates.map((d) => ({ ...d, delegateNumber: '7' })) };
    const duplicateResult = parseCongressProfile(JSON.stringify(duplicate));
    expect(duplicateResult.ok).toBe(false);
    if (!duplicateResult.ok) expect(duplicateResult.message).toContain('代表证号“7”重复');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
// jsdom computes styles slowly over antd's injected CSS; skipping user-event's pointer-events check keeps tests quick.
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { congressSettingsSchema, newId } from '../../../shared/domain';
import { buildCongressProfile, serializeCongressProfile } from '../../../shared/profile/congressProfile';
import { setBridgeForTests } from '../../bridge/client';
import { useSession } from '../../app/session';
import { renderInApp } from '../../testing/session';
import { Onboarding } from './Onboarding';
import { firstStartSession, installMemoryBridge, textFile } from './testBridge';

afterEach(() => setBridgeForTests(undefined));
// Each step waits for IndexedDB writes and antd re-renders; on a busy machine that can take seconds.
configure({ asyncUtilTimeout: 10_000 });

/** Types a whole value at once (as pasting does): antd re-renders per keystroke, which is slow in jsdom. */
async function fill(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, text: string) {
  const input = element.matches('input, textarea') ? element : element.querySelector('input, textarea')!;
  await user.click(input);
  await user.paste(text);
}

const ROSTER_WITH_ONE_BAD_ROW = [
  '姓名,性别,代表证号,代表团,活动组,工作单位及职务,联系电话',
  '张建国,男,001,城关镇代表团,第一活动组,城关镇党委书记,13800000001',
  ',女,002,教育系统代表团,第二活动组,县第一中学教师,',
  '王德明,男,003,城关镇代表团,第一活动组,县人民医院医生,',
].join('\r\n');

describe('Onboarding: create a congress as the office', () => {
  it('imports the good rows of a roster, shows the bad row with its reason, and completes as the office', async () => {
    const repo = await firstStartSession();
    installMemoryBridge([textFile('名册.csv', ROSTER_WITH_ONE_BAD_ROW)]);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<Onboarding />);

    await user.click(screen.getByTestId('onboarding-create'));
    // Step 1 refuses to continue while required fields are empty, and says why.
    await user.click(screen.getByTestId('create-next'));
    expect(await screen.findByText('请填写党代会名称')).toBeInTheDocument();

    await fill(user, screen.getByTestId('create-name'), '中国共产党某某县第十五次代表大会');
    await fill(user, screen.getByTestId('create-term'), '15');
    await fill(user, screen.getByTestId('create-region'), '某某县');
    await fill(user, screen.getByTestId('create-staff-name'), '刘秘书');
    await user.click(screen.getByTestId('create-next'));

    // Step 2: default categories are there; units one per line.
    await waitFor(() => expect(screen.getByTestId('create-category-0').closest('[hidden]')).toBeNull());
    expect(screen.getByTestId('create-category-0')).toHaveValue('党的建设');
    await fill(user, screen.getByTestId('create-units'), '县教育局\n县卫生健康局\n县教育局');
    await user.click(screen.getByTestId('create-next'));

    // Step 3: the roster file.
    await user.click(await screen.findByTestId('roster-choose-file'));
    const errors = await screen.findByTestId('roster-errors');
    expect(within(errors).getByText('第3行')).toBeInTheDocument();
    expect(within(errors).getByText('姓名为空')).toBeInTheDocument();
    const good = screen.getByTestId('roster-good-rows');
    expect(within(good).getByText('张建国')).toBeInTheDocument();
    expect(within(good).getByText('王德明')).toBeInTheDocument();
    expect(screen.getByTestId('roster-preview')).toHaveTextContent('可导入 2 名代表，1 行有问题');
    await user.click(screen.getByTestId('create-next'));

    // Step 4: confirm.
    expect(await screen.findByTestId('create-summary-roster')).toHaveTextContent('导入 2 名代表');
    await user.click(screen.getByTestId('create-submit'));

    await waitFor(() => expect(useSession.getState().phase).toBe('ready'));
    const profile = useSession.getState().profile!;
    expect(profile).toMatchObject({ role: 'office', actorName: '刘秘书' });
    expect(await repo.db.staff.get(profile.actorId)).toMatchObject({ name: '刘秘书' });
    expect(await repo.db.congress.get(profile.congressId)).toMatchObject({ name: '中国共产党某某县第十五次代表大会', term: 15, region: '某某县' });
    expect((await repo.db.delegate.toArray()).map((d) => d.name).sort()).toEqual(['张建国', '王德明'].sort());
    expect((await repo.db.handlingUnit.toArray()).map((u) => u.name).sort()).toEqual(['县卫生健康局', '县教育局'].sort());
    expect(await repo.db.category.count()).toBe(8);
  }, 90_000);

  it('offers the roster template through the save dialog', async () => {
    await firstStartSession();
    const bridge = installMemoryBridge();
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<Onboarding />);
    await user.click(screen.getByTestId('onboarding-create'));
    await user.click(screen.getByTestId('roster-template'));
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    const bytes = bridge.saved[0]!.bytes;
    // UTF-8 byte-order mark, so Excel on Chinese Windows reads the template as UTF-8
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toMatch(/^姓名,性别,代表证号/);
    expect(bridge.saved[0]!.defaultName).toBe('代表名册模板.csv');
  });
});

describe('Onboarding: join as a delegate', () => {
  it('shows why an invalid file cannot be used and stores nothing', async () => {
    const repo = await firstStartSession();
    installMemoryBridge([textFile('通知.json', '{"title":"不是名册"}'), textFile('坏.json', '{"format":"delegatedesk-profile",')]);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<Onboarding />);

    await user.click(screen.getByTestId('onboarding-join'));
    await user.click(screen.getByTestId('join-choose-file'));
    const error = await screen.findByTestId('join-error');
    expect(error).toHaveTextContent('无法使用文件“通知.json”');
    expect(error).toHaveTextContent('文件不是有效的代表名册文件');

    await user.click(screen.getByTestId('join-choose-file'));
    await waitFor(() => expect(screen.getByTestId('join-error')).toHaveTextContent('坏.json'));
    expect(screen.getByTestId('join-error')).toHaveTextContent('文件内容已损坏');
    expect(screen.queryByTestId('join-confirm')).not.toBeInTheDocument();
    expect(useSession.getState().phase).toBe('onboarding');
    expect(await repo.db.congress.count()).toBe(0);
  });

  it('joins from a valid file as the delegate picked from the list', async () => {
    const repo = await firstStartSession();
    const at = new Date().toISOString();
    const base = () => ({ id: newId(), createdAt: at, updatedAt: at });
    const congress = { ...base(), name: '中国共产党某某县第十五次代表大会', term: 15 };
    const delegation = { ...base(), name: '教育系统代表团', sortOrder: 0 };
    const profile = buildCongressProfile({
      congress,
      settings: congressSettingsSchema.parse({ id: congress.id, createdAt: at, updatedAt: at }),
      categories: [{ ...base(), name: '其他', sortOrder: 0 }],
      handlingUnits: [],
      delegations: [delegation],
      activityGroups: [],
      delegates: [
        { ...base(), name: '张建国', delegateNumber: '001', status: 'active' },
        { ...base(), name: '李晓梅', delegateNumber: '002', delegationId: delegation.id, status: 'active' },
      ],
      staff: [],
      meetings: [],
    });
    installMemoryBridge([textFile('某某县.ddprofile.json', serializeCongressProfile(profile))]);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<Onboarding />);

    await user.click(screen.getByTestId('onboarding-join'));
    await user.click(screen.getByTestId('join-choose-file'));
    await fill(user, await screen.findByTestId('join-search'), '教育');
    const table = screen.getByTestId('join-delegates');
    await waitFor(() => expect(within(table).queryByText('张建国')).not.toBeInTheDocument());
    await user.click(within(table).getByText('李晓梅'));
    await user.click(screen.getByTestId('join-confirm'));

    await waitFor(() => expect(useSession.getState().phase).toBe('ready'));
    const me = profile.delegates[1]!;
    expect(useSession.getState().profile).toMatchObject({ role: 'delegate', actorId: me.id, actorName: '李晓梅', congressId: congress.id });
    expect(await repo.db.delegate.count()).toBe(2);
  }, 60_000);
});

describe('Onboarding: demo data', () => {
  it('loads the demo congress and enters as the chosen delegate', async () => {
    const repo = await firstStartSession();
    installMemoryBridge();
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<Onboarding />);

    await user.click(screen.getByTestId('onboarding-demo'));
    const asDelegate = await screen.findByTestId('demo-as-delegate', {}, { timeout: 30_000 });
    expect(await repo.db.proposal.count()).toBeGreaterThan(100);
    await user.click(asDelegate);

    await waitFor(() => expect(useSession.getState().phase).toBe('ready'));
    const profile = useSession.getState().profile!;
    expect(profile.role).toBe('delegate');
    const delegate = await repo.db.delegate.get(profile.actorId);
    expect(delegate?.name).toBe(profile.actorName);
    expect(await repo.db.congress.get(profile.congressId)).toBeDefined();
  }, 60_000);

  it('enters as the office staff member', async () => {
    const repo = await firstStartSession();
    installMemoryBridge();
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<Onboarding />);

    await user.click(screen.getByTestId('onboarding-demo'));
    await user.click(await screen.findByTestId('demo-as-office', {}, { timeout: 30_000 }));

    await waitFor(() => expect(useSession.getState().phase).toBe('ready'));
    const profile = useSession.getState().profile!;
    expect(profile.role).toBe('office');
    expect((await repo.db.staff.get(profile.actorId))?.name).toBe(profile.actorName);
  }, 60_000);
});

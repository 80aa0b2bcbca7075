import { afterEach, describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
// jsdom computes styles slowly over antd's injected CSS; skipping user-event's pointer-events check keeps tests quick.
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { parseCongressProfile } from '../../../shared/profile/congressProfile';
import { setBridgeForTests } from '../../bridge/client';
import { readySession, renderInApp } from '../../testing/session';
import { RosterPage, profileFileName } from './RosterPage';
import { installMemoryBridge, textFile } from './testBridge';

afterEach(() => setBridgeForTests(undefined));
// Each step waits for IndexedDB writes and antd re-renders; on a busy machine that can take seconds.
configure({ asyncUtilTimeout: 10_000 });

const rowNames = () =>
  Array.from(screen.getByTestId('roster-table').querySelectorAll('tbody tr.ant-table-row'), (row) => row.querySelector('td')?.textContent ?? '');

describe('RosterPage', () => {
  it('lists the delegates with counts and finds one by name or 代表证号', async () => {
    await readySession('office');
    installMemoryBridge();
    renderInApp(<RosterPage />);

    await waitFor(() => expect(rowNames()).toEqual(['张建国', '李晓梅', '王德明']));
    expect(screen.getByTestId('roster-counts')).toHaveTextContent('代表 3 名（在任 3 名）· 代表团 2 个 · 活动组 2 个');
    const firstRow = screen.getByTestId('roster-table').querySelector('tbody tr.ant-table-row')!;
    expect(firstRow).toHaveTextContent('男');
    expect(firstRow).toHaveTextContent('城关镇代表团');
    expect(firstRow).toHaveTextContent('第一活动组');

    fireEvent.change(screen.getByTestId('roster-search').querySelector('input') ?? screen.getByTestId('roster-search'), { target: { value: '002' } });
    await waitFor(() => expect(rowNames()).toEqual(['李晓梅']));
    fireEvent.change(screen.getByTestId('roster-search').querySelector('input') ?? screen.getByTestId('roster-search'), { target: { value: '赵' } });
    expect(await screen.findByText('没有找到“赵”')).toBeInTheDocument();
  });

  it('exports the profile file delegates join with', async () => {
    const { congressId } = await readySession('office');
    const bridge = installMemoryBridge();
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<RosterPage />);

    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await user.click(screen.getByTestId('roster-export'));
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    expect(bridge.saved[0]!.defaultName).toBe('中国共产党某某县第十五次代表大会.ddprofile.json');
    const parsed = parseCongressProfile(new TextDecoder().decode(bridge.saved[0]!.bytes));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.profile.congress.id).toBe(congressId);
    expect(parsed.profile.delegates.map((d) => d.name)).toEqual(['张建国', '李晓梅', '王德明']);
  });

  it('appends the good rows of another roster file and shows the rows it leaves out', async () => {
    const { db } = await readySession('office');
    installMemoryBridge([
      textFile('补充名册.csv', ['姓名,代表证号,代表团', '赵丽,004,城关镇代表团', '钱多,001,', '孙明,005,新代表团'].join('\n')),
    ]);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderInApp(<RosterPage />);
    await waitFor(() => expect(rowNames()).toHaveLength(3));

    await user.click(screen.getByTestId('roster-import'));
    await user.click(await screen.findByTestId('roster-choose-file'));
    const errors = await screen.findByTestId('roster-errors');
    expect(within(errors).getByText('第3行')).toBeInTheDocument();
    expect(errors).toHaveTextContent('代表证号“001”已被现有代表“张建国”使用');
    await user.click(screen.getByTestId('roster-import-confirm'));

    await waitFor(() => expect(rowNames()).toEqual(['张建国', '李晓梅', '王德明', '赵丽', '孙明']));
    expect(screen.getByTestId('roster-counts')).toHaveTextContent('代表 5 名（在任 5 名）· 代表团 3 个');
    const zhao = await db.delegate.where('delegateNumber').equals('004').first();
    const cityDelegation = (await db.delegation.toArray()).find((d) => d.name === '城关镇代表团');
    expect(zhao?.delegationId).toBe(cityDelegation?.id);
  });

  it('makes a safe file name from the congress name', () => {
    expect(profileFileName('某县/第十五次:党代会')).toBe('某县_第十五次_党代会.ddprofile.json');
    expect(profileFileName('  ')).toBe('congress.ddprofile.json');
  });
});

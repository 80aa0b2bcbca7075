import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readySession, renderInApp } from '../../testing/session';
import { chooseOption } from '../handling/handlingTesting';
import { RoundForm } from './RoundForm';

const WAIT = { timeout: 15000 };

/** The text box of an antd DatePicker (the test id lands on the input or on its wrapper, depending on the version). */
function dateInput(testId: string): HTMLInputElement {
  const picker = screen.getByTestId(testId);
  return (picker.tagName === 'INPUT' ? picker : picker.querySelector('input')) as HTMLInputElement;
}

/** Types a date and time into a DatePicker and leaves it, as a user would. */
function typeDate(testId: string, text: string) {
  const input = dateInput(testId);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

describe('RoundForm', { timeout: 120_000 }, () => {
  it('refuses without subjects and with the close time before the open time, beside the fields, keeping what was typed', async () => {
    const session = await readySession('office');
    const onSaved = vi.fn();
    renderInApp(<RoundForm onSaved={onSaved} />);
    fireEvent.change(await screen.findByTestId('round-title', {}, WAIT), { target: { value: '2026年度县委领导班子民主评议' } });
    typeDate('round-opens-at', '2026-03-10 09:00');
    typeDate('round-closes-at', '2026-03-09 17:00');
    await waitFor(() => expect(dateInput('round-closes-at')).toHaveValue('2026-03-09 17:00'), WAIT);
    fireEvent.click(screen.getByTestId('round-save'));

    expect(await within(screen.getByTestId('round-subjects-item')).findByText('请至少添加一个评议对象', {}, WAIT)).toBeInTheDocument();
    expect(within(screen.getByTestId('round-closesAt-item')).getByText('截止时间须晚于开始时间')).toBeInTheDocument();
    expect(screen.getByTestId('round-title')).toHaveValue('2026年度县委领导班子民主评议');
    expect(await session.db.evaluationRound.count()).toBe(0);

    fireEvent.change(screen.getByTestId('round-subject-name-0'), { target: { value: '县委领导班子' } });
    fireEvent.click(screen.getByTestId('round-add-subject'));
    fireEvent.change(await screen.findByTestId('round-subject-name-1', {}, WAIT), { target: { value: '县委书记' } });
    typeDate('round-closes-at', '2026-03-12 17:00');
    await waitFor(() => expect(dateInput('round-closes-at')).toHaveValue('2026-03-12 17:00'), WAIT);
    await waitFor(() => expect(screen.queryByText('截止时间须晚于开始时间')).not.toBeInTheDocument(), WAIT);
    fireEvent.click(screen.getByTestId('round-save'));

    await waitFor(() => expect(onSaved).toHaveBeenCalled(), WAIT);
    const [round] = await session.db.evaluationRound.toArray();
    expect(round).toMatchObject({
      status: 'draft',
      title: '2026年度县委领导班子民主评议',
      kind: 'democratic',
      scale: { kind: 'grades', options: ['优秀', '称职', '基本称职', '不称职'] },
      voters: { kind: 'all' },
      // Typed as 北京时间.
      opensAt: '2026-03-10T01:00:00.000Z',
      closesAt: '2026-03-12T09:00:00.000Z',
    });
    expect(round!.subjects.map((s) => s.name)).toEqual(['县委领导班子', '县委书记']);
  });

  it('needs the activity groups when voters are chosen by group; takes a score scale and criteria rated one by one', async () => {
    const session = await readySession('office');
    const onSaved = vi.fn();
    renderInApp(<RoundForm onSaved={onSaved} />);
    fireEvent.change(await screen.findByTestId('round-title', {}, WAIT), { target: { value: '县委书记抓基层党建述职评议' } });
    fireEvent.change(screen.getByTestId('round-subject-name-0'), { target: { value: '县委书记' } });
    fireEvent.change(screen.getByTestId('round-criteria'), { target: { value: '履行职责\n工作成效\n' } });
    fireEvent.click(screen.getByTestId('round-rate-criteria'));
    fireEvent.click(screen.getByText('百分制（0–100 分）'));
    fireEvent.click(screen.getByText('按活动组'));
    fireEvent.click(screen.getByTestId('round-save'));
    expect(await within(screen.getByTestId('round-voters-item')).findByText('请选择参加评议的活动组', {}, WAIT)).toBeInTheDocument();
    expect(await session.db.evaluationRound.count()).toBe(0);

    await chooseOption('round-groups', '第一活动组');
    fireEvent.click(screen.getByTestId('round-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), WAIT);
    const group = (await session.db.activityGroup.toArray()).find((g) => g.name === '第一活动组')!;
    expect((await session.db.evaluationRound.toArray())[0]).toMatchObject({
      criteria: ['履行职责', '工作成效'],
      rateCriteria: true,
      scale: { kind: 'score', min: 0, max: 100 },
      voters: { kind: 'groups', activityGroupIds: [group.id] },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readySession, renderInApp } from '../../testing/session';
import { UnitsPage } from './UnitsPage';
import { assignedAtOffice } from './handlingTesting';

const WAIT = { timeout: 15000 };

const rowOf = (name: string) => screen.getAllByTestId('unit-row').find((r) => r.getAttribute('data-unit') === name)!;

describe('UnitsPage (承办单位)', { timeout: 60_000 }, () => {
  it('adds a unit with its contact; a duplicate name is refused beside the field and the dialog keeps what was typed', async () => {
    const session = await readySession('office');
    renderInApp(<UnitsPage />);
    fireEvent.click(await screen.findByTestId('unit-add', {}, WAIT));
    fireEvent.change(await screen.findByTestId('unit-name-input', {}, WAIT), { target: { value: '县教育局' } });
    fireEvent.change(screen.getByTestId('unit-contact-input'), { target: { value: '周科长' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await within(screen.getByTestId('unit-name-item')).findByText('已有同名的承办单位', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('unit-contact-input')).toHaveValue('周科长');

    fireEvent.change(screen.getByTestId('unit-name-input'), { target: { value: '县水利局' } });
    fireEvent.change(screen.getByTestId('unit-phone-input'), { target: { value: '0731-5551234' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(async () => expect((await session.db.handlingUnit.toArray()).find((u) => u.name === '县水利局')).toMatchObject({ contactName: '周科长', contactPhone: '0731-5551234', active: true }), WAIT);
    await waitFor(() => expect(rowOf('县水利局')).toHaveTextContent('周科长0731-5551234在用'), WAIT);
  });

  it('edits a unit; one with assignments can be disabled but not deleted; an unused one is deleted as a tombstone', async () => {
    const session = await readySession('office');
    const units = await session.db.handlingUnit.toArray();
    const education = units.find((u) => u.name === '县教育局')!;
    const health = units.find((u) => u.name === '县卫生健康局')!;
    await assignedAtOffice(session, { title: '关于改善乡村道路的提议' }, { leadUnitId: education.id, deadline: '2099-01-01' });
    renderInApp(<UnitsPage />);

    await waitFor(() => expect(within(rowOf('县教育局')).getByTestId('unit-delete')).toBeDisabled(), WAIT);
    fireEvent.click(within(rowOf('县教育局')).getByTestId('unit-toggle'));
    await waitFor(async () => expect((await session.db.handlingUnit.get(education.id))?.active).toBe(false), WAIT);
    await waitFor(() => expect(rowOf('县教育局')).toHaveTextContent('停用'), WAIT);

    fireEvent.click(within(rowOf('县卫生健康局')).getByTestId('unit-edit'));
    fireEvent.change(await screen.findByTestId('unit-phone-input', {}, WAIT), { target: { value: '电话未知' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await within(screen.getByTestId('unit-phone-item')).findByText(/联系电话格式不正确/, {}, WAIT)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('unit-phone-input'), { target: { value: '13800000000' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(async () => expect((await session.db.handlingUnit.get(health.id))?.contactPhone).toBe('13800000000'), WAIT);

    fireEvent.click(within(rowOf('县卫生健康局')).getByTestId('unit-delete'));
    fireEvent.click(await screen.findByRole('button', { name: /^确\s*定$/ }, WAIT));
    await waitFor(async () => expect((await session.db.handlingUnit.get(health.id))?.deletedAt).toBeDefined(), WAIT);
    await waitFor(() => expect(screen.getAllByTestId('unit-row').map((r) => r.getAttribute('data-unit'))).toEqual(['县教育局']), WAIT);
  });
});

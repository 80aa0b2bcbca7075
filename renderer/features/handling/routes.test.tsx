import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { parseRoute, routeToHash, useRouter } from '../../app/router';
import { Shell } from '../../app/Shell';
import { readySession, renderInApp } from '../../testing/session';
import { ReviewPage } from '../review/ReviewPage';
import { acceptedAtOffice } from './handlingTesting';

describe('handling routes and menu', { timeout: 60_000 }, () => {
  it('reads and writes #/handling/<id>, #/supervision and #/units', () => {
    expect(parseRoute('#/handling/01JP2M3N4P5Q6R7S8T9V0W1X2Y')).toEqual({ name: 'handling', id: '01JP2M3N4P5Q6R7S8T9V0W1X2Y' });
    expect(parseRoute('#/handling')).toEqual({ name: 'proposals' });
    expect(routeToHash({ name: 'handling', id: 'A1' })).toBe('#/handling/A1');
    expect(parseRoute(routeToHash({ name: 'supervision' }))).toEqual({ name: 'supervision' });
    expect(parseRoute(routeToHash({ name: 'units' }))).toEqual({ name: 'units' });
  });

  it('offers the office 督办 and 承办单位; a delegate sees neither', async () => {
    await readySession('office');
    const office = renderInApp(<Shell />);
    fireEvent.click(await screen.findByText('承办单位', { selector: '.ant-menu-title-content' }, { timeout: 15000 }));
    expect(useRouter.getState().route).toEqual({ name: 'units' });
    fireEvent.click(screen.getByText('督办', { selector: '.ant-menu-title-content' }));
    expect(useRouter.getState().route).toEqual({ name: 'supervision' });
    office.unmount();

    await readySession('delegate');
    renderInApp(<Shell />);
    expect((await screen.findAllByText('我的提案', {}, { timeout: 15000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText('督办', { selector: '.ant-menu-title-content' })).toBeNull();
    expect(screen.queryByText('承办单位', { selector: '.ant-menu-title-content' })).toBeNull();
  });

  it('the review page of an accepted proposal leads to its handling page', async () => {
    const session = await readySession('office');
    const p = await acceptedAtOffice(session, { title: '关于加强农村饮水安全保障的提议' });
    renderInApp(<ReviewPage proposalId={p.id} />);
    fireEvent.click(await screen.findByTestId('open-handling', {}, { timeout: 15000 }));
    expect(useRouter.getState().route).toEqual({ name: 'handling', id: p.id });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { readySession, renderInApp } from '../testing/session';
import { useSession } from './session';
import { Shell } from './Shell';

describe('Shell', () => {
  afterEach(() => useSession.getState().setLanguage('zh-CN'));

  it('shows the delegate, and switches the whole UI between Chinese and English', async () => {
    await readySession();
    renderInApp(<Shell />);
    expect(await screen.findByTestId('current-user')).toHaveTextContent('张建国');
    expect(screen.getAllByText('我的提案').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('language-switch'));
    expect((await screen.findAllByText('My proposals')).length).toBeGreaterThan(0);
    expect(screen.queryByText('我的提案')).toBeNull();
    expect(localStorage.getItem('delegatedesk.language')).toBe('en');

    fireEvent.click(screen.getByTestId('language-switch'));
    expect((await screen.findAllByText('我的提案')).length).toBeGreaterThan(0);
  });

  it('offers the office its roster page and all proposals', async () => {
    await readySession('office');
    renderInApp(<Shell />);
    expect((await screen.findAllByText('全部提案')).length).toBeGreaterThan(0);
    expect(screen.getByText('代表名册')).toBeInTheDocument();
  });
});

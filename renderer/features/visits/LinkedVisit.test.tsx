import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useRouter } from '../../app/router';
import { readySession, renderInApp } from '../../testing/session';
import { LinkedVisit } from './LinkedVisit';
import { visitFromOffice, WAIT } from './visitTesting';

describe('LinkedVisit', { timeout: 60_000 }, () => {
  it('names the visit a proposal came from and opens it', async () => {
    const session = await readySession('delegate');
    const visit = await visitFromOffice(session, { kind: 'research', startDate: '2026-05-12', endDate: '2026-05-13' });
    renderInApp(<LinkedVisit proposal={{ sourceVisitId: visit.id }} />);
    const link = await screen.findByText('调研：农村饮水安全工程建设情况（2026-05-12 至 2026-05-13）', {}, WAIT);
    expect(screen.getByTestId('linked-visit')).toHaveTextContent('来源：');
    fireEvent.click(link);
    await waitFor(() => expect(useRouter.getState().route).toEqual({ name: 'visit', id: visit.id }), WAIT);
  });

  it('shows nothing for a proposal not started from a visit, and says so when the visit has not arrived', async () => {
    await readySession('delegate');
    renderInApp(<LinkedVisit proposal={{}} />);
    renderInApp(<LinkedVisit proposal={{ sourceVisitId: '01J0000000000000000000000Z' }} />);
    expect(await screen.findByTestId('linked-visit', {}, WAIT)).toHaveTextContent('视察记录尚未同步到本机');
    // Only the second one shows anything.
    expect(screen.getAllByTestId('linked-visit')).toHaveLength(1);
  });
});

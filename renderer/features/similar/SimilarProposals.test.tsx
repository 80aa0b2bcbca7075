import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { newId, proposalSchema, type Proposal } from '../../../shared/domain';
import { SAMPLE_PROPOSALS } from '../../../shared/similarity/sampleProposals';
import { useRouter } from '../../app/router';
import type { DelegateDeskDb } from '../../data/db';
import { proposalSearchTerms } from '../../data/searchIndex';
import { readySession, renderInApp } from '../../testing/session';
import { SimilarProposals } from './SimilarProposals';

const WAIT = { timeout: 5000 };

/** The sample collection as earlier proposals of other delegates, 2024 and 2025. */
async function seedEarlierProposals(db: DelegateDeskDb, leadDelegateId: string): Promise<Map<string, Proposal>> {
  const byTitle = new Map<string, Proposal>();
  for (const [i, s] of SAMPLE_PROPOSALS.entries()) {
    const at = `${i % 2 ? 2024 : 2025}-03-01T08:00:00.000Z`;
    const p = proposalSchema.parse({
      id: newId(),
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      kind: i % 3 === 0 ? 'motion' : 'suggestion',
      title: s.title,
      background: s.background,
      recommendations: s.recommendations,
      leadDelegateId,
      status: 'accepted',
    });
    await db.proposal.put(p);
    await db.searchIndex.put({ proposalId: p.id, terms: proposalSearchTerms(p) });
    byTitle.set(p.title, p);
  }
  return byTitle;
}

const WATER_DRAFT = {
  id: newId(),
  title: '关于保障农村饮水安全的提案',
  background: '部分村组自来水管网老化，水质检测不足，群众饮水安全存在隐患。',
  recommendations: '加快供水管网改造，定期开展水质检测。',
};

describe('SimilarProposals', () => {
  it('lists earlier proposals close to the draft, with kind, status, year, similarity and shared words', async () => {
    const { db, delegates } = await readySession();
    await seedEarlierProposals(db, delegates[1]!.id);
    renderInApp(<SimilarProposals draft={WATER_DRAFT} />);

    const items = await screen.findAllByTestId('similar-item', {}, WAIT);
    expect(items.length).toBeLessThanOrEqual(5);
    const first = within(items[0]!);
    expect(first.getByText('关于加强农村饮水安全保障的提案')).toBeInTheDocument();
    expect(first.getByText('提案')).toBeInTheDocument(); // sample water-1 is the first, a motion
    expect(first.getByTestId('status-tag')).toHaveTextContent('已立案');
    expect(first.getByText('2025年')).toBeInTheDocument();
    expect(first.getByText('农村饮水安全')).toBeInTheDocument();
    expect(first.getByRole('progressbar')).toBeInTheDocument();
    // The other two water proposals follow; nothing about parking or schools makes the list.
    const titles = items.map((item) => item.querySelector('a')?.textContent);
    expect(titles.slice(0, 3)).toEqual(expect.arrayContaining(['关于切实解决山区群众饮水难问题的建议', '关于推进城乡供水一体化提升农村供水保障水平的提案']));
    expect(titles.some((title) => title?.includes('停车'))).toBe(false);
    expect(screen.getByText('如已有相同内容的提案，可考虑附议该提案而不是重复提出')).toBeInTheDocument();
  });

  it('shows the empty state, and no items, for a draft on a subject nobody has raised', async () => {
    const { db, delegates } = await readySession();
    await seedEarlierProposals(db, delegates[1]!.id);
    renderInApp(
      <SimilarProposals
        draft={{ title: '关于发展低空经济无人机产业的提案', background: '无人机植保、物流配送潜力大。', recommendations: '规划起降场地，引进龙头企业。' }}
      />,
    );
    expect(await screen.findByText('暂未发现相似提案', {}, WAIT)).toBeInTheDocument();
    expect(screen.queryAllByTestId('similar-item')).toHaveLength(0);
    expect(screen.queryByText('如已有相同内容的提案，可考虑附议该提案而不是重复提出')).not.toBeInTheDocument();
  });

  it('waits for at least 8 characters before looking', async () => {
    const { db, delegates } = await readySession();
    await seedEarlierProposals(db, delegates[1]!.id);
    const { rerender } = renderInApp(<SimilarProposals draft={{ title: '农村饮水', background: '', recommendations: '' }} debounceMs={0} />);
    expect(await screen.findByText('输入至少 8 个字后，这里会列出内容相近的已有提案')).toBeInTheDocument();
    expect(screen.queryAllByTestId('similar-item')).toHaveLength(0);

    rerender(<SimilarProposals draft={{ title: '农村饮水安全', background: '水质检测', recommendations: '' }} debounceMs={0} />);
    expect(await screen.findAllByTestId('similar-item', {}, WAIT)).not.toHaveLength(0);
  });

  it('follows the draft as it changes, and opens a listed proposal', async () => {
    const { db, delegates } = await readySession();
    const seeded = await seedEarlierProposals(db, delegates[1]!.id);
    const { rerender } = renderInApp(<SimilarProposals draft={WATER_DRAFT} debounceMs={50} />);
    await screen.findByText('关于加强农村饮水安全保障的提案', {}, WAIT);

    rerender(
      <SimilarProposals
        draft={{ ...WATER_DRAFT, title: '关于缓解城区停车难的建议', background: '城区停车位不足，乱停乱放。', recommendations: '建设公共停车场。' }}
        debounceMs={50}
      />,
    );
    const parking = await screen.findByText('关于缓解城区停车难问题的提案', {}, WAIT);
    await waitFor(() => expect(screen.queryByText('关于加强农村饮水安全保障的提案')).not.toBeInTheDocument(), WAIT);

    fireEvent.click(parking);
    expect(useRouter.getState().route).toEqual({ name: 'proposalView', id: seeded.get('关于缓解城区停车难问题的提案')!.id });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, fireEvent, within } from '@testing-library/react';
import { createDraft, saveDraft } from '../../data/proposalCommands';
import { readySession, renderInApp } from '../../testing/session';
import { ProposalList } from './ProposalList';
import { useProposalFilters } from './filterStore';

async function seed() {
  const session = await readySession();
  const { repo, me, categories, acting } = session;
  const texts = [
    { kind: 'motion' as const, title: '关于加强农村饮水安全保障的提案', background: '部分村庄自来水管网老化，水质检测覆盖不足。', category: 2 },
    { kind: 'suggestion' as const, title: '关于增设城区公共停车场的建议', background: '城区停车位严重不足，占道停车现象突出。', category: 3 },
    { kind: 'proposal' as const, title: '关于推进义务教育优质均衡发展的提议', background: '城乡学校师资力量差距较大，农村学校教师流失。', category: 4 },
  ];
  for (const t of texts) {
    const draft = await createDraft(repo, me.id, t.kind);
    await saveDraft(repo, draft.id, acting, { title: t.title, background: t.background, recommendations: '请有关部门研究解决。', categoryId: categories[t.category]!.id });
  }
  return session;
}

function searchFor(text: string) {
  const box = screen.getByTestId('proposal-search');
  fireEvent.change(box.querySelector('input') ?? box, { target: { value: text } });
}

/** Rendered, a search for `text` answered with `count` rows. */
async function listSearchedFor(text: string, count: number) {
  renderInApp(<ProposalList />);
  await waitFor(() => expect(titles()).toHaveLength(3));
  searchFor(text);
  await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent(`共 ${count} 件`));
}

const titles = () => screen.queryAllByTestId('proposal-row').map((row) => row.querySelector('strong')?.textContent ?? row.textContent);

describe('ProposalList', () => {
  beforeEach(() => useProposalFilters.getState().reset());

  it('lists my proposals with a count', async () => {
    await seed();
    renderInApp(<ProposalList />);
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('共 3 件'));
    expect(titles()).toHaveLength(3);
  });

  it('finds a proposal by a two-character Chinese word from its body, highlighted', async () => {
    await seed();
    await listSearchedFor('水质', 1);
    const row = screen.getByTestId('proposal-row');
    expect(row).toHaveTextContent('关于加强农村饮水安全保障的提案');
    // The excerpt around the hit comes from the row's own read of its texts.
    await waitFor(() => expect(within(row).getByText('水质', { selector: 'mark' })).toBeInTheDocument());
  });

  it('keeps a search up to date: a proposal saved meanwhile with the word joins, one edited away leaves', async () => {
    const { repo, me, acting } = await seed();
    await listSearchedFor('水质', 1);
    const draft = await createDraft(repo, me.id, 'suggestion');
    await saveDraft(repo, draft.id, acting, { title: '关于河道治理的建议', background: '河道水质下降。', recommendations: '加强监测。' });
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('共 2 件'));
    await saveDraft(repo, draft.id, acting, { background: '河道淤积。' });
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('共 1 件'));
  });

  it('keeps the found rows on screen while a write elsewhere is taken in (no empty flash)', async () => {
    const { repo, me, acting } = await seed();
    await listSearchedFor('水质', 1);
    let emptied = 0;
    const observer = new MutationObserver(() => {
      if (screen.queryAllByTestId('proposal-row').length === 0) emptied++;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      for (let i = 0; i < 3; i++) {
        const draft = await createDraft(repo, me.id, 'proposal');
        await saveDraft(repo, draft.id, acting, { title: `无关的提议${i}`, background: '与检索无关。', recommendations: '无。' });
      }
      await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('共 1 件'));
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      observer.disconnect();
    }
    expect(emptied).toBe(0);
    expect(titles()).toEqual(['关于加强农村饮水安全保障的提案']);
  });

  it('says so when nothing matches', async () => {
    await seed();
    renderInApp(<ProposalList />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    searchFor('航天');
    expect(await screen.findByText('没有找到包含“航天”的提案')).toBeInTheDocument();
  });

  it('filters by kind through the kind selector', async () => {
    await seed();
    renderInApp(<ProposalList />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const select = screen.getByTestId('filter-kind');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
    fireEvent.click(await screen.findByTitle('意见建议'));
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('共 1 件'));
    expect(titles()).toEqual(['关于增设城区公共停车场的建议']);
  });
});

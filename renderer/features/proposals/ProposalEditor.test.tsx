import { describe, expect, it } from 'vitest';
import { screen, waitFor, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDraft, saveDraft } from '../../data/proposalCommands';
import { readySession, renderInApp } from '../../testing/session';
import { ProposalEditor } from './ProposalEditor';

describe('ProposalEditor', () => {
  it('saves by itself shortly after typing and says when', async () => {
    const { repo, me } = await readySession();
    const draft = await createDraft(repo, me.id, 'motion');
    renderInApp(<ProposalEditor proposalId={draft.id} />);
    const title = await screen.findByTestId('field-title');
    await userEvent.click(title);
    await userEvent.paste('关于加强农村饮水安全保障的提案');

    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/已保存 \d{1,2}:\d{2}:\d{2}/), { timeout: 4000 });
    expect((await repo.db.proposal.get(draft.id))?.title).toBe('关于加强农村饮水安全保障的提案');
    // Each save is logged as a change of the proposal.
    const changes = await repo.db.changes.where('[entity+entityId]').equals(['proposal', draft.id]).toArray();
    expect(changes.some((c) => c.fields.title === '关于加强农村饮水安全保障的提案')).toBe(true);
  });

  it('explains each missing required field next to it on submit, and changes nothing', async () => {
    const { repo, me } = await readySession();
    const draft = await createDraft(repo, me.id, 'suggestion');
    renderInApp(<ProposalEditor proposalId={draft.id} />);
    fireEvent.click(await screen.findByTestId('submit-proposal'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定/ }, { timeout: 15000 }));

    await screen.findByText('案由至少 4 个字', {}, { timeout: 15000 });
    const shownErrors = [...document.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);
    expect(shownErrors).toEqual(['案由至少 4 个字', '请选择类别', '情况/理由至少 10 个字', '建议/办法至少 10 个字']);
    expect((await repo.db.proposal.get(draft.id))?.status).toBe('draft');
  });

  it('submits a complete suggestion: status becomes submitted, waiting for sync', async () => {
    const { repo, me, categories, acting } = await readySession();
    const draft = await createDraft(repo, me.id, 'suggestion');
    await saveDraft(repo, draft.id, acting, {
      title: '关于增设城区公共停车场的建议',
      categoryId: categories[3]!.id,
      background: '城区停车位严重不足，占道停车现象突出，影响交通安全。',
      recommendations: '一、利用边角地块建设停车场；二、推行错时共享停车。',
    });
    renderInApp(<ProposalEditor proposalId={draft.id} />);
    fireEvent.click(await screen.findByTestId('submit-proposal'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定/ }, { timeout: 15000 }));
    await waitFor(async () => expect((await repo.db.proposal.get(draft.id))?.status).toBe('submitted'), { timeout: 15000 });
    const submit = await repo.db.changes.where('[entity+entityId]').equals(['proposal', draft.id]).filter((c) => c.action === 'submit').first();
    expect(submit?.fields.status).toBe('submitted');
    expect(submit?.actor.id).toBe(me.id);
  });
});

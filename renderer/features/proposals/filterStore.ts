import { create } from 'zustand';
import type { ProposalKind, ProposalStatus } from '../../../shared/domain';

/** The list's filters survive navigating to a proposal and back. */
interface ProposalFilterState {
  text: string;
  kinds: ProposalKind[];
  statuses: ProposalStatus[];
  categoryId?: string;
  meetingId?: string;
  set(patch: Partial<Omit<ProposalFilterState, 'set' | 'reset'>>): void;
  reset(): void;
}

export const useProposalFilters = create<ProposalFilterState>((set) => ({
  text: '',
  kinds: [],
  statuses: [],
  set: (patch) => set(patch),
  reset: () => set({ text: '', kinds: [], statuses: [], categoryId: undefined, meetingId: undefined }),
}));

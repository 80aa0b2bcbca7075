import type { Proposal } from '../domain';
import type { DemoRoster } from './demoRoster';
import type { Jurisdiction } from './jurisdiction';
import type { ProposalText } from './proposalText';
import type { Rng } from './rng';
import type { DemoStore } from './store';
import type { Topic } from './topics';
import { iso } from './store';

/** What every part of the generator works with. Nothing happens after `nowMs`. */
export interface DemoContext {
  rng: Rng;
  store: DemoStore;
  jur: Jurisdiction;
  roster: DemoRoster;
  nowMs: number;
}

/** A proposal while its history is being simulated; `proposal` is the stored record, updated in place. */
export interface ProposalSim {
  proposal: Proposal;
  topic: Topic;
  text: ProposalText;
  receivedMs?: number;
  decidedMs?: number;
}

/** Moves a record's updatedAt forward to `ms`, never back. */
export function touch(record: { updatedAt: string }, ms: number): void {
  const at = iso(ms);
  if (at > record.updatedAt) record.updatedAt = at;
}

// Builders for tests of the 办理情况 section and 满意度测评: a proposal the office has assigned and answered, written
// through the Repository the way the office's records arrive (as the office staff member, each step logged with
// its action). Used only by *.test.ts(x).
import { addMonths, toCalendarDate } from '../../../shared/lifecycle';
import { newId, type Actor, type HandlingAssignment, type Proposal, type ProposalStatus, type Reply } from '../../../shared/domain';
import type { Repository } from '../../data/repository';

export const OFFICE_ACTOR: Actor = { kind: 'staff', id: newId(), name: '刘秘书' };

export interface HandlingSeed {
  proposal: Proposal;
  assignment: HandlingAssignment;
  replies: Reply[];
}

export interface SeedOptions {
  leadDelegateId: string;
  categoryId?: string;
  title?: string;
  invitedCosignerIds?: string[];
  /** The first is the 主办 unit, the rest 协办; with mode 'split', all are 分办 units (each replies) */
  unitIds: string[];
  mode?: 'lead' | 'split';
  /** Stop before the replies: the proposal stays 办理中 */
  withoutReply?: boolean;
  reply?: Partial<Pick<Reply, 'text' | 'documentNumber' | 'signer' | 'repliedOn' | 'resultClass' | 'adoptedItems'>>;
  actor?: Actor;
}

const TEXT = {
  background: '部分山区村组仍存在季节性缺水，供水设施老化，水质检测覆盖不足。',
  recommendations: '一是加快供水管网改造；二是建立水质定期检测和公示制度。',
  reply: '经研究，已将供水管网改造列入今年民生实事项目，年内完成12个村的管网更新。',
};

/** A numbered proposal, 交办 and (unless told otherwise) 已答复 by its replying units. */
export async function seedAnsweredProposal(repo: Repository, options: SeedOptions): Promise<HandlingSeed> {
  const actor = options.actor ?? OFFICE_ACTOR;
  const now = new Date();
  const proposal = await repo.write((w) =>
    w.create(
      'proposal',
      {
        kind: 'proposal',
        title: options.title ?? '关于加强农村饮水安全保障的建议',
        background: TEXT.background,
        recommendations: TEXT.recommendations,
        suggestedUnitIds: [],
        leadDelegateId: options.leadDelegateId,
        invitedCosignerIds: options.invitedCosignerIds ?? [],
        ...(options.categoryId ? { categoryId: options.categoryId } : {}),
        status: 'accepted',
        number: 12,
        submittedAt: now.toISOString(),
        receivedAt: now.toISOString(),
        isKey: false,
        isSupervised: false,
      },
      { action: 'create', actor },
    ),
  );
  const assignment = await assignRound(repo, proposal.id, 1, options, 'assigned');
  const seed: HandlingSeed = { proposal: (await repo.db.proposal.get(proposal.id))!, assignment, replies: [] };
  if (options.withoutReply) return seed;
  return answerRound(repo, seed, options);
}

/** 交办 of round `round` (重新办理 for round 2+): the proposal's status and the assignment, in one transaction. */
async function assignRound(repo: Repository, proposalId: string, round: number, options: SeedOptions, status: ProposalStatus): Promise<HandlingAssignment> {
  const actor = options.actor ?? OFFICE_ACTOR;
  const [lead, ...rest] = options.unitIds;
  const split = options.mode === 'split';
  const today = toCalendarDate(new Date());
  return repo.write(async (w) => {
    await w.update('proposal', proposalId, { status }, { action: round === 1 ? 'assign' : 'applyRating', actor });
    return w.create(
      'handlingAssignment',
      {
        proposalId,
        mode: split ? 'split' : 'lead',
        ...(split ? {} : { leadUnitId: lead! }),
        coUnitIds: split ? [] : rest,
        splitUnitIds: split ? options.unitIds : [],
        assignedAt: new Date().toISOString(),
        deadline: addMonths(today, round === 1 ? 3 : 1),
        extensions: [],
        round,
      },
      { action: round === 1 ? 'assign' : 'applyRating', actor },
    );
  });
}

/** Every replying unit answers the seed's current round; the last answer makes the proposal 已答复. */
async function answerRound(repo: Repository, seed: HandlingSeed, options: SeedOptions): Promise<HandlingSeed> {
  const actor = options.actor ?? OFFICE_ACTOR;
  const { assignment } = seed;
  const replying = assignment.mode === 'split' ? assignment.splitUnitIds : [assignment.leadUnitId!];
  const replies: Reply[] = [];
  for (const [i, unitId] of replying.entries()) {
    const last = i === replying.length - 1;
    replies.push(
      await repo.write(async (w) => {
        const reply = await w.create(
          'reply',
          {
            proposalId: seed.proposal.id,
            assignmentId: assignment.id,
            unitId,
            round: assignment.round,
            text: TEXT.reply,
            documentNumber: `某教函〔2026〕${assignment.round * 10 + i + 1}号`,
            signer: '王局长',
            repliedOn: toCalendarDate(new Date()),
            resultClass: 'A',
            adoptedItems: ['供水管网改造'],
            ...options.reply,
          },
          { action: 'recordReply', actor },
        );
        await w.update('proposal', seed.proposal.id, last ? { status: 'replied' } : {}, { action: 'recordReply', actor });
        return reply;
      }),
    );
  }
  return { proposal: (await repo.db.proposal.get(seed.proposal.id))!, assignment, replies: [...seed.replies, ...replies] };
}

/** 不满意 applied by the office: round N+1 opens (重新办理) and, unless told otherwise, is answered again. */
export async function seedNextRound(repo: Repository, seed: HandlingSeed, options: SeedOptions): Promise<HandlingSeed> {
  const assignment = await assignRound(repo, seed.proposal.id, seed.assignment.round + 1, options, 'rehandling');
  const next: HandlingSeed = { proposal: (await repo.db.proposal.get(seed.proposal.id))!, assignment, replies: seed.replies };
  if (options.withoutReply) return next;
  return answerRound(repo, next, options);
}

/** A proposal at the office, waiting for the review (审查中). */
export async function seedProposalInReview(repo: Repository, leadDelegateId: string, title: string, actor: Actor = OFFICE_ACTOR): Promise<Proposal> {
  const at = new Date().toISOString();
  return repo.write((w) =>
    w.create(
      'proposal',
      {
        kind: 'proposal',
        title,
        background: TEXT.background,
        recommendations: TEXT.recommendations,
        suggestedUnitIds: [],
        leadDelegateId,
        invitedCosignerIds: [],
        status: 'inReview',
        submittedAt: at,
        receivedAt: at,
        isKey: false,
        isSupervised: false,
      },
      { action: 'create', actor },
    ),
  );
}

/** The office merges `proposal` into `target` (并案). */
export async function seedMerge(repo: Repository, proposal: Proposal, target: Proposal, actor: Actor = OFFICE_ACTOR): Promise<Proposal> {
  return repo.write((w) =>
    w.update(
      'proposal',
      proposal.id,
      { status: 'merged', review: { decision: 'merge', mergedIntoId: target.id, decidedBy: actor.id, decidedAt: new Date().toISOString() } },
      { action: 'merge', actor },
    ),
  );
}

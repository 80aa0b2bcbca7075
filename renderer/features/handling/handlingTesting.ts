// Builders for the handling screens' tests: accepted proposals at the office, and proposals already with a unit
// (written directly, so a test controls when they were assigned and their deadline). Used only by *.test.tsx.
import { fireEvent, screen } from '@testing-library/react';
import type { HandlingAssignment, Proposal } from '../../../shared/domain';
import type { Repository } from '../../data/repository';
import { proposalAtOffice } from '../review/reviewTesting';

type Session = { repo: Repository; delegates: { id: string }[]; categories: { id: string }[]; acting: { actorId: string } };

let nextNumber = 1;

/** 已立案 第N号, waiting for 交办. */
export function acceptedAtOffice(session: Session, fields: Partial<Proposal> & { title: string }): Promise<Proposal> {
  return proposalAtOffice(session, {
    status: 'accepted',
    number: nextNumber++,
    review: { decision: 'accept', decidedBy: session.acting.actorId, decidedAt: new Date().toISOString() },
    ...fields,
  });
}

/** A proposal in 办理中 with its assignment (主办 `leadUnitId` unless the assignment says otherwise). */
export async function assignedAtOffice(
  session: Session,
  fields: Partial<Proposal> & { title: string },
  assignment: Partial<HandlingAssignment> & { leadUnitId?: string; deadline: string },
): Promise<{ proposal: Proposal; assignment: HandlingAssignment }> {
  const proposal = await acceptedAtOffice(session, { status: 'assigned', ...fields });
  const row = await session.repo.write((w) =>
    w.create('handlingAssignment', {
      proposalId: proposal.id,
      mode: 'lead',
      coUnitIds: [],
      splitUnitIds: [],
      assignedAt: new Date().toISOString(),
      extensions: [],
      round: 1,
      ...assignment,
    }),
  );
  return { proposal, assignment: row };
}

/** Picks an option of an antd Select (single or multiple) by its label. */
export async function chooseOption(testId: string, label: string): Promise<void> {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  const candidates = await screen.findAllByTitle(label, {}, { timeout: 15000 });
  const option = candidates.filter((el) => el.classList.contains('ant-select-item-option')).at(-1);
  if (!option) throw new Error(`no option “${label}” in ${testId}`);
  fireEvent.click(option);
}

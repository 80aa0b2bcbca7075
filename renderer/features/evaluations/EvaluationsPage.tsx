// 评议: the office defines and runs rounds and sees turnout and tallies; a delegate fills ballots, offline too.
import { useProfile } from '../../app/session';
import { DelegateRoundList } from './DelegateRoundList';
import { DelegateRoundPage } from './DelegateRoundPage';
import { OfficeRoundList } from './OfficeRoundList';
import { OfficeRoundPage } from './OfficeRoundPage';

export function EvaluationsPage() {
  const profile = useProfile();
  return profile.role === 'office' ? <OfficeRoundList /> : <DelegateRoundList />;
}

export function EvaluationPage({ roundId }: { roundId: string }) {
  const profile = useProfile();
  return profile.role === 'office' ? <OfficeRoundPage roundId={roundId} /> : <DelegateRoundPage roundId={roundId} />;
}

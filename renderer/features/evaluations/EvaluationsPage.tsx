// Scaffold: the routes and menu exist; the screens of this feature are being built (issue 5).
import { Empty } from 'antd';

export function EvaluationsPage() {
  return <Empty data-testid="evaluations-page" />;
}

export function EvaluationPage({ roundId }: { roundId: string }) {
  return <Empty data-testid="evaluations-detail" description={roundId} />;
}

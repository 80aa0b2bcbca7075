// Scaffold: the routes and menu exist; the screens of this feature are being built (issue 5).
import { Empty } from 'antd';

export function VisitsPage() {
  return <Empty data-testid="visits-page" />;
}

export function VisitPage({ visitId }: { visitId: string }) {
  return <Empty data-testid="visits-detail" description={visitId} />;
}

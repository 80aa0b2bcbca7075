// Scaffold: the route and menu exist; the report builder is being built (issue 6).
import { Empty } from 'antd';

export function ReportsPage() {
  return <Empty data-testid="reports-page" />;
}

// Scaffold: the route and menu exist; the dashboard is being built (issue 6).
import { Empty } from 'antd';

export function DashboardPage() {
  return <Empty data-testid="dashboard-page" />;
}

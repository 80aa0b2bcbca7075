// Scaffold: the route and menu exist; the screen is being built (issue 5).
import { Empty } from 'antd';

export function DutyPage() {
  return <Empty data-testid="duty-page" />;
}

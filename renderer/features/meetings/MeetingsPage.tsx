// Scaffold: the routes and menu exist; the screens of this feature are being built (issue 5).
import { Empty } from 'antd';

export function MeetingsPage() {
  return <Empty data-testid="meetings-page" />;
}

export function MeetingPage({ meetingId }: { meetingId: string }) {
  return <Empty data-testid="meetings-detail" description={meetingId} />;
}

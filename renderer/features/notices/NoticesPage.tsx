// Scaffold: the routes and menu exist; the screens of this feature are being built (issue 5).
import { Empty } from 'antd';

export function NoticesPage() {
  return <Empty data-testid="notices-page" />;
}

export function NoticePage({ noticeId }: { noticeId: string }) {
  return <Empty data-testid="notices-detail" description={noticeId} />;
}

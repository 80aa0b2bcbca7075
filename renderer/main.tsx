import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useSession } from './app/session';
import { initI18n } from './i18n';
import { requestPersistentStorage } from './data/storagePersistence';
// antd's component styles as one static stylesheet (theme.zeroRuntime in App.tsx): generating them in JS at start
// cost a few hundred ms of the first render
import 'antd/dist/antd.css';
import './app/global.css';
import { markStartup } from './app/startupMarks';

markStartup('script');

initI18n();
// Ask once that the browser never evicts the delegate's data under disk pressure; the answer shows on the sync page.
void requestPersistentStorage();
// The database starts opening before React's first render: Chromium's IndexedDB backend takes its time to open a
// large store, and React's first render (the loading screen) runs meanwhile.
void useSession.getState().boot();
createRoot(document.getElementById('root')!).render(<App />);

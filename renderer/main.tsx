import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { requestPersistentStorage } from './data/storagePersistence';
import './app/global.css';
import { markStartup } from './app/startupMarks';

markStartup('script');

initI18n();
// Ask once that the browser never evicts the delegate's data under disk pressure; the answer shows on the sync page.
void requestPersistentStorage();
createRoot(document.getElementById('root')!).render(<App />);

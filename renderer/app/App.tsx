import { App as AntdApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';
import { Shell } from './Shell';
import { Onboarding } from '../features/onboarding/Onboarding';

// Party red for buttons and accents; fields get neutral focus colours so a focused field never looks like an error.
const fieldFocus = { hoverBorderColor: '#8c8c8c', activeBorderColor: '#595959', activeShadow: '0 0 0 2px rgba(0,0,0,0.06)' };
// zeroRuntime: the component styles come from antd/dist/antd.css (imported in main.tsx); only these tokens are
// set at run time, as CSS variables.
const theme = {
  zeroRuntime: true,
  token: { colorPrimary: '#c8161d', borderRadius: 4 },
  components: { Input: fieldFocus, InputNumber: fieldFocus, Select: fieldFocus, DatePicker: fieldFocus },
};

export function App() {
  const language = useSession((s) => s.language);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntdApp style={{ height: '100%' }}>
        <Boot />
      </AntdApp>
    </ConfigProvider>
  );
}

/** What the session's boot (started in main.tsx, before this first renders) has reached. */
function Boot() {
  const { t } = useTranslation();
  const phase = useSession((s) => s.phase);
  const bootStep = useSession((s) => s.bootStep);
  const error = useSession((s) => s.error);

  if (phase === 'loading') return <Spin fullscreen tip={bootStep === 'opening' ? t('loading') : t(`boot.${bootStep}`)} data-testid="boot-spinner" />;
  if (phase === 'error') return <Result status="error" title={t('errors.generic', { message: '' })} subTitle={error} />;
  if (phase === 'onboarding') return <Onboarding />;
  return <Shell />;
}

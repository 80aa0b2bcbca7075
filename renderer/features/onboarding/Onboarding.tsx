import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined, ExperimentOutlined, SolutionOutlined, TeamOutlined, TranslationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRepo, useSession } from '../../app/session';
import { loadDemoCongress } from '../../data/congressSetup';
import { CreateCongressFlow } from './CreateCongressFlow';
import { JoinFlow } from './JoinFlow';
import { DemoFlow, type DemoState } from './DemoFlow';
import { errorText } from './errorText';

type Mode = 'welcome' | 'create' | 'join' | 'demo';

function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** First start: who is this installation for? Create the congress (office), join it (delegate), or try the demo. */
export function Onboarding() {
  const { t } = useTranslation('onboarding');
  const repo = useRepo();
  const [mode, setMode] = useState<Mode>('welcome');
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoState>({ status: 'loading' });

  const startDemo = async () => {
    setMode('demo');
    setDemo({ status: 'loading' });
    setBusy(true);
    try {
      // Generating the data blocks the page for a moment: let the spinner appear first.
      await nextPaint();
      const loaded = await loadDemoCongress(repo);
      setDemo({ status: 'loaded', ...loaded });
    } catch (error) {
      setDemo({ status: 'failed', message: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  let content: ReactNode;
  if (mode === 'welcome') {
    content = <Welcome onCreate={() => setMode('create')} onJoin={() => setMode('join')} onDemo={() => void startDemo()} />;
  } else {
    // Demo data, once stored, stays: going back would only offer to load it a second time.
    const canGoBack = !busy && !(mode === 'demo' && demo.status === 'loaded');
    const titles: Record<Exclude<Mode, 'welcome'>, string> = { create: t('create.title'), join: t('join.title'), demo: t('welcome.demo.title') };
    content = (
      <Card
        title={titles[mode]}
        extra={
          canGoBack && (
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => setMode('welcome')} data-testid="onboarding-back">
              {t('backToWelcome')}
            </Button>
          )
        }
      >
        {mode === 'create' && <CreateCongressFlow onBusyChange={setBusy} />}
        {mode === 'join' && <JoinFlow onBusyChange={setBusy} />}
        {mode === 'demo' && <DemoFlow state={demo} onRetry={() => void startDemo()} />}
      </Card>
    );
  }

  return (
    <div style={{ minHeight: '100%', background: '#f5f6f8' }} data-testid="onboarding">
      <div style={{ background: '#b3141a', paddingBottom: 72 }}>
        <div style={{ maxWidth: 1080, margin: '0 auto', padding: '16px 24px 0' }}>
          <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 32 }}>
            <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
              {mode === 'welcome' ? '' : t('common:appName')}
            </Typography.Text>
            <LanguageSwitch />
          </div>
          {mode === 'welcome' && (
            <div style={{ textAlign: 'center', padding: '24px 0 0' }}>
              <Typography.Title style={{ color: '#fff', marginBottom: 12 }}>{t('common:appName')}</Typography.Title>
              <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.88)', fontSize: 15, maxWidth: 720, margin: '0 auto' }}>
                {t('welcome.tagline')}
              </Typography.Paragraph>
            </div>
          )}
        </div>
      </div>
      {/* The cards overlap the red band a little, as on a letterhead. */}
      <div style={{ maxWidth: 1080, margin: '-48px auto 0', padding: '0 24px 48px' }}>{content}</div>
    </div>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <Button
      size="small"
      ghost
      icon={<TranslationOutlined />}
      onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
      data-testid="language-switch"
    >
      {t('header.switchLanguage')}
    </Button>
  );
}

interface WelcomeProps {
  onCreate(): void;
  onJoin(): void;
  onDemo(): void;
}

function Welcome({ onCreate, onJoin, onDemo }: WelcomeProps) {
  const { t } = useTranslation('onboarding');
  const cards = [
    { key: 'create', icon: <TeamOutlined />, onClick: onCreate, testId: 'onboarding-create', primary: true },
    { key: 'join', icon: <SolutionOutlined />, onClick: onJoin, testId: 'onboarding-join', primary: true },
    { key: 'demo', icon: <ExperimentOutlined />, onClick: onDemo, testId: 'onboarding-demo', primary: false },
  ] as const;
  return (
    <Row gutter={[24, 24]}>
      {cards.map((card) => (
        <Col key={card.key} xs={24} md={8}>
          <Card style={{ height: '100%' }} styles={{ body: { height: '100%', display: 'flex', flexDirection: 'column', padding: 28 } }}>
            <Space orientation="vertical" size="middle" style={{ flex: 1 }}>
              <span style={{ fontSize: 36, color: '#c8161d' }}>{card.icon}</span>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t(`welcome.${card.key}.title`)}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t(`welcome.${card.key}.description`)}
              </Typography.Paragraph>
            </Space>
            <Button type={card.primary ? 'primary' : 'default'} size="large" block onClick={card.onClick} data-testid={card.testId} style={{ marginTop: 24 }}>
              {t(`welcome.${card.key}.action`)}
            </Button>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

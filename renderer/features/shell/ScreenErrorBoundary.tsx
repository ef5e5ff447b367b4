import { Button, Result, Space } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  error: Error | null;
}

/**
 * Keeps a failing screen from blanking the whole window: the nav rail and status
 * bar stay, and the officer can retry the screen or reload. The shell keys it by
 * screen, so moving to another screen starts clean.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <ScreenFailed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
  }
}

function ScreenFailed({ error, onRetry }: { error: Error; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('screenError.title')}
      subTitle={<span data-testid="screen-error">{error.message}</span>}
      extra={
        <Space>
          <Button type="primary" onClick={onRetry}>
            {t('screenError.retry')}
          </Button>
          <Button onClick={() => window.location.reload()}>{t('screenError.reload')}</Button>
        </Space>
      }
    />
  );
}

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { ThemeSwitch } from '../shell/ThemeSwitch';

/** The frame shared by setup, sign-in and lock: brand, one card, language and theme. */
export function AuthFrame({
  title,
  subtitle,
  wide,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const training = useSession((s) => s.session.mode === 'training');
  return (
    <main className="cw-auth">
      <div className={wide ? 'cw-auth-panel cw-wide' : 'cw-auth-panel'}>
        <div className="cw-auth-brand">
          <SafetyCertificateOutlined aria-hidden style={{ fontSize: 26, color: 'var(--cw-focus)' }} />
          <div>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              Clearway
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          {info.demo ? (
            <Tag color="gold" style={{ marginInlineStart: 'auto' }} data-testid="demo-profile-tag">
              {t('mode.demo')}
            </Tag>
          ) : null}
        </div>
        <Card variant="outlined">
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
          {children}
        </Card>
        <div className="cw-auth-footer">
          <span>
            {training ? `${t('mode.training')} · ` : ''}
            {info.version ? t('app.version', { version: info.version }) : null}
          </span>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <LanguageSwitch />
            <ThemeSwitch />
          </span>
        </div>
      </div>
    </main>
  );
}

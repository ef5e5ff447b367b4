import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';
import { ScreenHeader } from '../shell/ScreenHeader';
import { CameraSettings } from '../port/settings/CameraSettings';
import { SyncPanel } from '../sync/SyncPanel';
import { AuditLog } from '../audit/AuditLog';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { PreferencesForm } from './PreferencesForm';
import { UsersPanel } from '../auth/UsersPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { t: tSync } = useTranslation('sync');
  const { t: tPort } = useTranslation('port');
  const supervisor = useSession((s) => s.session.user?.role === 'supervisor');
  const [tab, setTab] = useState('preferences');
  const items = [
    { key: 'preferences', label: t('settings.tabs.preferences'), children: <PreferencesForm /> },
    { key: 'account', label: t('settings.tabs.account'), children: <ChangePasswordForm /> },
    { key: 'cameras', label: tPort('settings.tab'), children: <CameraSettings /> },
    { key: 'sync', label: tSync('tab'), children: <SyncPanel /> },
    ...(supervisor
      ? [
          { key: 'users', label: t('settings.tabs.users'), children: <UsersPanel /> },
          { key: 'audit', label: t('settings.tabs.audit'), children: <AuditLog /> },
        ]
      : []),
    { key: 'diagnostics', label: t('settings.tabs.diagnostics'), children: <DiagnosticsPanel /> },
  ];
  return (
    <section data-testid="screen-settings">
      <ScreenHeader title={t('nav.settings')} description={t('settings.description')} />
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
    </section>
  );
}

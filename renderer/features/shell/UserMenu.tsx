import {
  DownOutlined,
  LockOutlined,
  LogoutOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { useNav } from './navStore';

/** The user · role item of the status bar; opens settings, shortcuts, lock and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session.user);
  const notify = useErrorNotifier();
  if (!user) return null;

  async function call(channel: 'cw:auth.lock' | 'cw:auth.logout') {
    try {
      useSession.getState().setSession(await clearway().invoke(channel));
    } catch (error) {
      notify(error);
    }
  }

  const items: MenuProps['items'] = [
    { key: 'settings', icon: <SettingOutlined aria-hidden />, label: t('userMenu.settings'), extra: 'Alt+7' },
    { key: 'shortcuts', icon: <QuestionCircleOutlined aria-hidden />, label: t('userMenu.shortcuts'), extra: '?' },
    { type: 'divider' },
    { key: 'lock', icon: <LockOutlined aria-hidden />, label: t('userMenu.lock'), extra: 'Alt+L' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('userMenu.signOut'), danger: true },
  ];

  function onClick({ key }: { key: string }) {
    const nav = useNav.getState();
    if (key === 'settings') nav.go('settings');
    else if (key === 'shortcuts') nav.setShortcutsOpen(true);
    else if (key === 'lock') void call('cw:auth.lock');
    else if (key === 'logout') void call('cw:auth.logout');
  }

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="topLeft">
      <button
        type="button"
        className="cw-status-item"
        data-testid="user-menu"
        aria-label={t('userMenu.label', { name: user.displayName })}
      >
        <UserOutlined aria-hidden />
        <span>{user.displayName}</span>
        <span aria-hidden>·</span>
        <span>{t(`roles.${user.role}`)}</span>
        <DownOutlined aria-hidden style={{ fontSize: 9 }} />
      </button>
    </Dropdown>
  );
}

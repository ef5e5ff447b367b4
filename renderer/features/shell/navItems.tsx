import {
  AuditOutlined,
  BankOutlined,
  FieldTimeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UnorderedListOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type Screen = 'queue' | 'port' | 'gate' | 'cases' | 'shift' | 'approvals' | 'settings';

export interface NavItem {
  screen: Screen;
  icon: ReactNode;
  /** Alt+digit jumps here. */
  digit: string;
  /** `g` then this letter jumps here. */
  letter: string;
}

/** The nav rail, top to bottom; settings sits apart at the bottom. */
export const navItems: readonly NavItem[] = [
  { screen: 'queue', icon: <UnorderedListOutlined aria-hidden />, digit: '1', letter: 'q' },
  { screen: 'port', icon: <BankOutlined aria-hidden />, digit: '2', letter: 'p' },
  { screen: 'gate', icon: <VideoCameraOutlined aria-hidden />, digit: '3', letter: 'g' },
  { screen: 'cases', icon: <AuditOutlined aria-hidden />, digit: '4', letter: 'c' },
  { screen: 'shift', icon: <FieldTimeOutlined aria-hidden />, digit: '6', letter: 's' },
];

export const settingsItem: NavItem = { screen: 'settings', icon: <SettingOutlined aria-hidden />, digit: '7', letter: 'o' };

/** Four-eyes requests: shown to those who hold approvals.decide, with the pending count. */
export const approvalsItem: NavItem = {
  screen: 'approvals',
  icon: <SafetyCertificateOutlined aria-hidden />,
  digit: '8',
  letter: 'a',
};

export const allNavItems: readonly NavItem[] = [...navItems, approvalsItem, settingsItem];

export const screens: readonly Screen[] = allNavItems.map((i) => i.screen);

export function isScreen(value: string): value is Screen {
  return (screens as readonly string[]).includes(value);
}

/** Icon for the profile section in menus. */
export const profileIcon = <ProfileOutlined aria-hidden />;

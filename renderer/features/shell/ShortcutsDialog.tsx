import { Modal, Table, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { allNavItems } from './navItems';
import { useNav } from './navStore';
import { registeredShortcutGroups, subscribeShortcuts } from './shortcutRegistry';

interface Row {
  key: string;
  keys: readonly string[];
  action: string;
}

function Keys({ keys }: { keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span>
      {keys.map((combo, i) => (
        <span key={combo}>
          {i > 0 ? <span style={{ margin: '0 6px' }}>{t('shortcuts.or')}</span> : null}
          {combo.split(' ').map((k, j) => (
            <span key={`${k}-${j}`}>
              {j > 0 ? ' ' : ''}
              <kbd className="cw-kbd">{k}</kbd>
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}

/** Feature groups follow the nav rail's order (a group id that names no screen goes last). */
function navRank(group: string): number {
  const index = allNavItems.findIndex((item) => item.screen === group);
  return index === -1 ? allNavItems.length : index;
}

/** `?`: every shortcut of the window. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useNav((s) => s.shortcutsOpen);
  const setOpen = useNav((s) => s.setShortcutsOpen);
  const rows: Row[] = [
    ...allNavItems.map((item) => ({
      key: item.screen,
      keys: [`Alt+${item.digit}`, `g ${item.letter}`],
      action: t('shortcuts.goTo', { screen: t(`nav.${item.screen}`) }),
    })),
    { key: 'help', keys: ['?'], action: t('shortcuts.help') },
    { key: 'esc', keys: ['Esc'], action: t('shortcuts.close') },
    { key: 'lock', keys: ['Alt+L'], action: t('shortcuts.lock') },
    { key: 'theme', keys: ['Alt+T'], action: t('shortcuts.theme') },
  ];
  const featureGroups = useSyncExternalStore(subscribeShortcuts, registeredShortcutGroups);
  const sections = [
    { key: 'window', title: t('shortcuts.window'), rows },
    ...[...featureGroups]
      .sort((a, b) => navRank(a.group) - navRank(b.group))
      .map((group) => ({
        key: group.group,
        title: t(group.titleKey),
        rows: group.shortcuts.map((s) => ({ key: `${group.group}:${s.labelKey}`, keys: s.keys, action: t(s.labelKey) })),
      })),
  ];
  const columns = [
    { title: t('shortcuts.keys'), dataIndex: 'keys', width: 220, render: (keys: readonly string[]) => <Keys keys={keys} /> },
    { title: t('shortcuts.action'), dataIndex: 'action' },
  ];
  return (
    <Modal open={open} title={t('shortcuts.title')} onCancel={() => setOpen(false)} footer={null} width={600} destroyOnHidden>
      {/* Scrolls when the list outgrows the window; focusable so the keyboard can scroll it. */}
      <div style={{ maxHeight: '70vh', overflowY: 'auto' }} tabIndex={0} aria-label={t('shortcuts.title')} role="region">
        {sections.map((section) => (
          <section key={section.key} aria-labelledby={`shortcuts-${section.key}`} data-testid={`shortcuts-group-${section.key}`}>
            <Typography.Title level={5} id={`shortcuts-${section.key}`} style={{ margin: '12px 0 4px' }}>
              {section.title}
            </Typography.Title>
            <Table<Row>
              size="small"
              pagination={false}
              dataSource={section.rows}
              data-testid={section.key === 'window' ? 'shortcuts-table' : `shortcuts-table-${section.key}`}
              columns={columns}
            />
          </section>
        ))}
      </div>
    </Modal>
  );
}

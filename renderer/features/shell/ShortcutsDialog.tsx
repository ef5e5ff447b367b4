import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { allNavItems } from './navItems';
import { useNav } from './navStore';

interface Row {
  key: string;
  keys: string[];
  action: string;
}

function Keys({ keys }: { keys: string[] }) {
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
  return (
    <Modal open={open} title={t('shortcuts.title')} onCancel={() => setOpen(false)} footer={null} width={560} destroyOnHidden>
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="shortcuts-table"
        columns={[
          { title: t('shortcuts.keys'), dataIndex: 'keys', width: 220, render: (keys: string[]) => <Keys keys={keys} /> },
          { title: t('shortcuts.action'), dataIndex: 'action' },
        ]}
      />
    </Modal>
  );
}

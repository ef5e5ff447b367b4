import { Badge, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { useRight } from '../../app/useRight';
import { useApprovals } from '../approvals/approvalsStore';
import { approvalsItem, navItems, settingsItem, type NavItem } from './navItems';
import { useNav } from './navStore';

function RailButton({ item, badge = 0 }: { item: NavItem; badge?: number }) {
  const { t } = useTranslation();
  const current = useNav((s) => s.screen === item.screen);
  const go = useNav((s) => s.go);
  const label = t(`nav.${item.screen}`);
  const keys = t('nav.keys', { digit: item.digit, letter: item.letter });
  // Closed on click, so the hint never sits over the screen that just opened.
  const [hint, setHint] = useState(false);
  return (
    <Tooltip
      placement="right"
      mouseEnterDelay={0.4}
      open={hint}
      onOpenChange={setHint}
      title={`${label} — ${t(`nav.hints.${item.screen}`)} (${keys})`}
    >
      <button
        type="button"
        className="cw-rail-item"
        aria-current={current ? 'page' : undefined}
        aria-keyshortcuts={`Alt+${item.digit} g ${item.letter}`}
        data-testid={`nav-${item.screen}`}
        onClick={() => {
          setHint(false);
          go(item.screen);
        }}
      >
        <Badge count={badge} size="small" offset={[4, -2]} data-testid={`nav-${item.screen}-badge`}>
          {item.icon}
        </Badge>
        <span>{label}</span>
        <span className="cw-rail-key" aria-hidden>
          Alt+{item.digit}
        </span>
      </button>
    </Tooltip>
  );
}

/** Left rail: every area with icon, word and shortcut. */
export function NavRail() {
  const { t } = useTranslation();
  const approver = useRight('approvals.decide');
  const pending = useApprovals((s) => s.count);
  useEffect(() => {
    if (!approver) return;
    void useApprovals.getState().load();
    return clearway().on('cw:approvals.changed', ({ pending: count }) => useApprovals.getState().setCount(count));
  }, [approver]);
  return (
    <nav className="cw-rail" aria-label={t('nav.label')}>
      {navItems.map((item) => (
        <RailButton key={item.screen} item={item} />
      ))}
      {approver ? <RailButton item={approvalsItem} badge={pending} /> : null}
      <div className="cw-rail-spacer" />
      <RailButton item={settingsItem} />
    </nav>
  );
}

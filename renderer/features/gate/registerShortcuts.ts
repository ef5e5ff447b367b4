import { registerShortcuts } from '../shell/shortcutRegistry';

// The gate screen's keys (GateScreen onKeyDown), for the `?` dialog.
registerShortcuts({
  group: 'gate',
  titleKey: 'gate:shortcuts.label',
  shortcuts: [
    { keys: ['a'], labelKey: 'gate:shortcuts.arrival' },
    { keys: ['d'], labelKey: 'gate:shortcuts.departure' },
    { keys: ['/'], labelKey: 'gate:shortcuts.search' },
    { keys: ['Enter'], labelKey: 'gate:shortcuts.open' },
  ],
});

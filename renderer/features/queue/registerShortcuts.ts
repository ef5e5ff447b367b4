import { registerShortcuts } from '../shell/shortcutRegistry';
import { QUEUE_SHORTCUTS } from './logic/keyboard';

// The queue's triage keys in the `?` dialog, from the same list as the hints under the table.
registerShortcuts({
  group: 'queue',
  titleKey: 'queue:shortcuts.label',
  shortcuts: QUEUE_SHORTCUTS.map((s) => ({ keys: s.keys, labelKey: `queue:shortcuts.${s.command}` })),
});

import { registerShortcuts } from '../shell/shortcutRegistry';

// The port screen's keys (PortScreen onKeyDown) and the panorama's (PortScene keydown), for the `?` dialog.
registerShortcuts({
  group: 'port',
  titleKey: 'port:shortcuts.label',
  shortcuts: [
    { keys: ['o'], labelKey: 'port:shortcuts.overview' },
    { keys: ['w'], labelKey: 'port:shortcuts.wall' },
    { keys: ['s'], labelKey: 'port:shortcuts.snapshot' },
    { keys: ['c'], labelKey: 'port:shortcuts.addToCase' },
    { keys: ['Esc'], labelKey: 'port:shortcuts.back' },
    { keys: ['←', '→', '↑', '↓'], labelKey: 'port:shortcuts.look' },
    { keys: ['+', '-'], labelKey: 'port:shortcuts.zoom' },
  ],
});

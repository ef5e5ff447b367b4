import type { BrowserWindow, Dialog } from 'electron';
import type { PickFiles } from '../services/queue/pick-files';

/**
 * The services' file picker in Electron: the main process's own open dialog, attached to
 * the window the officer is in. Only what the officer picks in it is ever read.
 */
export function electronFilePicker(dialog: Pick<Dialog, 'showOpenDialog'>, parent: () => BrowserWindow | null): PickFiles {
  return async ({ title, extensions }) => {
    const options = {
      title,
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [
        { name: 'Declarations', extensions: [...extensions] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const window = parent();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
}

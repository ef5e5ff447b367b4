/**
 * Declaration files are read only from paths picked in the host's own file dialog: the
 * renderer never names one. The web host has no dialog and refuses; Electron's picker is
 * injected here as the host injects it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { electronFilePicker } from '../../../main/host/electron-file-dialog';
import { ServiceError } from '../../../main/services/errors';
import type { Logger } from '../../../main/services/logging/logger';
import type { PickFiles } from '../../../main/services/queue/pick-files';
import { createQueueArea } from '../../../main/services/queue/queue-handlers';
import { testUser } from '../../support/users';
import { declaration, setup } from './fixtures';

const user = testUser('officer');

/** Runs the channel's handler over a fresh queue; `picker` gets the folder the files were written to. */
async function importFromDialog(picker: ((dir: string) => PickFiles) | undefined, files: Record<string, string> = {}) {
  const f = await setup();
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(f.dataDir, name), text);
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
    const area = createQueueArea(
      { store: f.store, clock: f.clock, dataDir: f.dataDir, mode: 'live', logger: silent, emit: () => undefined, me: () => user },
      { risk: f.risk, ...(picker ? { pickFiles: picker(f.dataDir) } : {}) },
    );
    return await area.handlers['cw:queue.importFromDialog'](undefined).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  } finally {
    await f.close();
  }
}

describe('import from the file dialog', () => {
  it('is refused where the host has no dialog (the web host), pointing at uploads', async () => {
    const out = await importFromDialog(undefined);
    expect(out).toHaveProperty('error');
    const error = (out as { error: ServiceError }).error;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toContain('upload the files instead');
  });

  it('imports exactly the files the picker returns', async () => {
    let asked = 0;
    const out = await importFromDialog(
      (dir) => async () => {
        asked++;
        return [join(dir, 'a.json'), join(dir, 'b.json')];
      },
      { 'a.json': JSON.stringify(declaration('DLG-1')), 'b.json': JSON.stringify([declaration('DLG-2'), declaration('DLG-3')]) },
    );
    expect(asked).toBe(1);
    expect((out as { value: unknown }).value).toMatchObject({
      cancelled: false,
      imported: 3,
      rejected: 0,
      files: [
        { file: 'a.json', numbers: ['DLG-1'] },
        { file: 'b.json', numbers: ['DLG-2', 'DLG-3'] },
      ],
    });
  });
});

describe("Electron's picker", () => {
  const window = { id: 1 } as unknown as BrowserWindow;

  it('opens the main process dialog on the current window and returns the chosen paths', async () => {
    const calls: unknown[][] = [];
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => {
        calls.push(args);
        return { canceled: false, filePaths: ['/home/li/in/a.edi', '/home/li/in/b.xml'] };
      },
    } as unknown as Pick<Dialog, 'showOpenDialog'>;
    const pick = electronFilePicker(dialog, () => window);
    expect(await pick({ title: 'Import declarations', extensions: ['edi', 'xml'] })).toEqual([
      '/home/li/in/a.edi',
      '/home/li/in/b.xml',
    ]);
    expect(calls[0]![0]).toBe(window);
    expect(calls[0]![1]).toMatchObject({
      title: 'Import declarations',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Declarations', extensions: ['edi', 'xml'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('returns nothing when the officer cancels', async () => {
    const dialog = {
      showOpenDialog: async () => ({ canceled: true, filePaths: ['/ignored'] }),
    } as unknown as Pick<Dialog, 'showOpenDialog'>;
    expect(await electronFilePicker(dialog, () => null)({ title: 't', extensions: ['edi'] })).toEqual([]);
  });
});

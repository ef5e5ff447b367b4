/** Imports into the queue go through the profiles, and each version keeps how it was read and its raw message. */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { declarationReads } from '../../../main/services/declarations/profiles/read-record';
import { loadProfiles } from '../../../main/services/declarations/profiles/registry';
import { declarationDetail } from '../../../main/services/queue/declaration-detail';
import { fixture } from '../declarations/fixtures';
import { OFFICER, setup, type Fixture } from './fixtures';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

describe('queue import under profiles', () => {
  it('stores the profile, reason, warnings and raw message with each version', async () => {
    f = await setup();
    const bytes = readFileSync(fixture('profiles/cn-single-window.edi'));
    const result = await f.queue.importOne({ name: 'cn.edi', bytes }, OFFICER);
    expect(result).toMatchObject({ imported: 5, rejected: 0 });
    const reads = await declarationReads(f.store, '530120261000000456');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      profile: 'cn-single-window',
      reason: 'cn-single-window (interchange recipient CNCUSTOMS (UNB 0010))',
    });
    expect(reads[0]!.warnings.map((w) => w.message)).toEqual([
      'no customs office in the message and none set for this workstation: shown as UNASSIGNED until one is assigned',
    ]);
    expect(reads[0]!.facts).toMatchObject({ procedure: '0110', officeAssignedOnReceipt: true });
    expect(reads[0]!.raw).toContain("EQD+TE+TRL88771'"); // content no profile maps is kept
    // The detail pane shows the newest read: profile, reason, warnings with their place, the raw message.
    const detail = await declarationDetail(f.store, f.queue.declarations, '530120261000000456');
    expect(detail.reads).toHaveLength(1);
    expect(detail.reads[0]).toMatchObject({ profile: 'cn-single-window', raw: reads[0]!.raw });
    expect(detail.reads[0]!.warnings[0]!.message).toBe(reads[0]!.warnings[0]!.message);
    // The same file again is the same versions: counted as duplicates, no second read.
    expect(await f.queue.importOne({ name: 'cn.edi', bytes }, OFFICER)).toMatchObject({ imported: 0, duplicates: 5 });
    expect(await declarationReads(f.store, '530120261000000456')).toHaveLength(1);
    // A changed version is read and kept again: one read per version.
    const amended = Buffer.from(bytes.toString('latin1').replace('530120261000000456+9', '530120261000000456+5'), 'latin1');
    expect(await f.queue.importOne({ name: 'cn-amended.edi', bytes: amended }, OFFICER)).toMatchObject({ amended: 1 });
    expect(await declarationReads(f.store, '530120261000000456')).toHaveLength(2);
    expect((await declarationDetail(f.store, f.queue.declarations, '530120261000000456')).reads).toHaveLength(2);
  });

  it("assigns the workstation's office from its settings to a message that names none", async () => {
    f = await setup();
    await writeFile(join(f.dataDir, 'settings.json'), JSON.stringify({ office: 'CNSZX001' }));
    const bytes = readFileSync(fixture('profiles/cn-single-window.edi'));
    await f.queue.importOne({ name: 'cn.edi', bytes }, OFFICER);
    const [read] = await declarationReads(f.store, '530120261000000456');
    expect(read!.warnings.map((w) => w.message)).toEqual([
      'no customs office in the message: office CNSZX001 assigned on receipt',
    ]);
    const rows = await f.store.query<{ office: string }>('SELECT office FROM declarations WHERE number = ?', [
      '530120261000000456',
    ]);
    expect(rows[0]!.office).toBe('CNSZX001');
  });

  it('a supervisor profile file in <data dir>/profiles is used, tied to an import source', async () => {
    f = await setup();
    await mkdir(join(f.dataDir, 'profiles'));
    await writeFile(
      join(f.dataDir, 'profiles', 'my-upload-partner.json'),
      JSON.stringify({
        name: 'my-upload-partner',
        extends: 'un-cusdec',
        title: 'Partner uploads',
        defaults: { office: 'CNSZX001' },
        match: { sources: ['upload'] },
      }),
    );
    const bytes = readFileSync(fixture('profiles/un-cusdec.edi'));
    expect(await f.queue.importOne({ name: 'u.edi', bytes }, OFFICER)).toMatchObject({ imported: 2, rejected: 0 });
    const [read] = await declarationReads(f.store, 'MY2026000123');
    expect(read).toMatchObject({ profile: 'my-upload-partner', reason: 'my-upload-partner (import source "upload")' });
    expect(read!.warnings[0]!.message).toBe('no customs office in the message: office CNSZX001 assigned on receipt');
  });

  it('a supervisor profile may be written in YAML; a bad one names its line and the shipped profiles go on', async () => {
    f = await setup();
    await mkdir(join(f.dataDir, 'profiles'));
    const yaml = [
      '# Uploads from the partner broker, read like UN CUSDEC with our office',
      'name: my-upload-partner',
      'extends: un-cusdec',
      'title: Partner uploads',
      'defaults:',
      '  office: CNSZX001',
      'match:',
      '  sources: [upload]',
      '',
    ].join('\n');
    await writeFile(join(f.dataDir, 'profiles', 'my-upload-partner.yaml'), yaml);
    const bytes = readFileSync(fixture('profiles/un-cusdec.edi'));
    expect(await f.queue.importOne({ name: 'u.edi', bytes }, OFFICER)).toMatchObject({ imported: 2, rejected: 0 });
    const [read] = await declarationReads(f.store, 'MY2026000123');
    expect(read).toMatchObject({ profile: 'my-upload-partner', reason: 'my-upload-partner (import source "upload")' });

    await writeFile(
      join(f.dataDir, 'profiles', 'my-upload-partner.yaml'),
      yaml.replace('title: Partner uploads', 'title: 42\npriority: high'),
    );
    expect(() => loadProfiles(join(f!.dataDir, 'profiles'))).toThrow(
      /my-upload-partner\.yaml.*\n.*priority \(line 5, column 11\)/s,
    );
  });
});

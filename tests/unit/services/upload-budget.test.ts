/**
 * Uploads wait in memory until their last chunk, so their number per user, their number on
 * the workstation and the bytes they hold together are limited; declaration imports and
 * evidence count against one budget. Each limit is hit here and names itself and the file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/services/errors';
import { evidenceUploadBuffer } from '../../../main/services/evidence/evidence-uploads';
import { queueUploadBuffer } from '../../../main/services/queue/queue-service';
import { UploadBudget } from '../../../main/services/upload-budget';
import { callChannel, startTempServices } from './temp-services';

const chunk = (text: string) => Buffer.from(text).toString('base64');

function refusal(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a refusal');
}

describe('the upload budget', () => {
  it('limits the uploads one user has open across declaration imports and evidence', () => {
    const budget = new UploadBudget({ perUser: 2, total: 10, totalBytes: 1 << 20 });
    const imports = queueUploadBuffer(() => 0, budget);
    const evidence = evidenceUploadBuffer(() => 0, budget);
    imports.append('u-li', 'upload-0001', 0, chunk('[1'), 'a.json');
    evidence.append('u-li', 'upload-0002', 0, chunk('png'));
    const error = refusal(() => imports.append('u-li', 'upload-0003', 0, chunk('[2'), 'third.json'));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(
      'third.json was not started: you already have 2 uploads under way, the limit per user is 2; wait for one to finish',
    );
    // Another user is not held back by Li's uploads…
    imports.append('u-wang', 'upload-0004', 0, chunk('[3'), 'b.json');
    // …and once one of Li's is taken, Li may start another.
    imports.take('u-li', 'upload-0001');
    imports.append('u-li', 'upload-0003', 0, chunk('[2'), 'third.json');
    expect(budget.uploads).toBe(3);
  });

  it('limits the uploads open on the workstation, all users together', () => {
    const budget = new UploadBudget({ perUser: 5, total: 3, totalBytes: 1 << 20 });
    const imports = queueUploadBuffer(() => 0, budget);
    const evidence = evidenceUploadBuffer(() => 0, budget);
    imports.append('u-1', 'upload-0001', 0, chunk('x'), 'one.json');
    imports.append('u-2', 'upload-0002', 0, chunk('x'), 'two.json');
    evidence.append('u-3', 'upload-0003', 0, chunk('x'));
    const error = refusal(() => evidence.append('u-4', 'upload-0004', 0, chunk('x')));
    expect(error.message).toBe(
      'upload upload-0004 was not started: 3 uploads are under way on this workstation, the limit for all users is 3; try again shortly',
    );
  });

  it('limits the bytes all open uploads hold together, drops the upload that would pass it and frees its place', () => {
    const budget = new UploadBudget({ perUser: 5, total: 5, totalBytes: 1024 });
    const imports = queueUploadBuffer(() => 0, budget);
    imports.append('u-1', 'upload-0001', 0, chunk('a'.repeat(800)), 'first.json');
    imports.append('u-2', 'upload-0002', 0, chunk('b'.repeat(100)), 'second.json');
    const error = refusal(() => imports.append('u-2', 'upload-0002', 1, chunk('c'.repeat(200)), 'second.json'));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(
      /^second\.json was dropped: uploads under way would hold [\d.]+ MiB, the limit for all uploads together is [\d.]+ MiB/,
    );
    expect(budget.uploads).toBe(1);
    expect(budget.heldBytes).toBe(800);
    expect(refusal(() => imports.take('u-2', 'upload-0002')).code).toBe('NOT_FOUND');
  });

  it('gives back the place of an upload that expires or arrives out of order', () => {
    let now = 0;
    const budget = new UploadBudget({ perUser: 1, total: 5, totalBytes: 1 << 20 });
    const imports = queueUploadBuffer(() => now, budget);
    imports.append('u-1', 'upload-0001', 0, chunk('x'), 'a.json');
    now += 11 * 60_000;
    imports.append('u-1', 'upload-0002', 0, chunk('x'), 'b.json');
    expect(refusal(() => imports.append('u-1', 'upload-0002', 5, chunk('x'), 'b.json')).code).toBe('FAILED_PRECONDITION');
    imports.append('u-1', 'upload-0003', 0, chunk('x'), 'c.json');
    expect(budget.uploads).toBe(1);
  });
});

describe('the upload budget through the channels', { timeout: 120_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('refuses a user a third upload when declarations and evidence already hold two', async () => {
    const { services, cleanup } = await startTempServices('cw-upload-budget', {
      testing: { uploadLimits: { perUser: 2, total: 8, totalBytes: 1 << 20 } },
    });
    cleanups.push(cleanup);
    await callChannel(services, 'cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Yangshan Port',
      demo: false,
    });
    const part = (uploadId: string, name: string) => ({ uploadId, name, index: 0, last: false, base64: chunk('[') });
    await callChannel(services, 'cw:queue.uploadChunk', part('upload-0001', 'manifest-a.json'));
    await callChannel(services, 'cw:evidence.uploadChunk', { uploadId: 'upload-0002', index: 0, base64: chunk('png') });
    const error = await callChannel(services, 'cw:queue.uploadChunk', part('upload-0003', 'manifest-c.json')).catch(
      (e: unknown) => e as ServiceError,
    );
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('manifest-c.json was not started') as string,
    });
    expect((error as ServiceError).message).toContain('the limit per user is 2');
  });
});

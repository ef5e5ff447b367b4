/**
 * The dispatcher's error mapping: every failure becomes an envelope with the
 * contract's code, unexpected ones are logged with their channel, and nothing
 * internal (a stack, a SQL message, an extra field) reaches the renderer.
 */
import { describe, expect, it, vi } from 'vitest';
import { AppInfo } from '../../../preload/contract/schemas/app';
import { defaultSettings } from '../../../preload/contract/schemas/settings';
import { createDispatcher } from '../../../main/host/dispatch';
import { ServiceError } from '../../../main/services/errors';
import { sampleValid } from '../contract/zod-arbitrary';
import { fakeServiceHost, userWithRole } from './fake-service-host';

const supervisor = { user: userWithRole('supervisor'), locked: false };
const appInfo = sampleValid(AppInfo);

describe('unknown channels', () => {
  it.each([
    ['cw:nope'],
    [''],
    ['toString'],
    ['__proto__'],
    ['constructor'],
    [42],
    [undefined],
    [null],
    [{ channel: 'cw:app.info' }],
  ])('%j is UNKNOWN_CHANNEL', async (channel) => {
    const host = fakeServiceHost(supervisor);
    const envelope = await createDispatcher(host)(channel, undefined);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(host.calls).toEqual([]);
  });

  it('keeps a hostile channel name short in the message', async () => {
    const envelope = await createDispatcher(fakeServiceHost())('x'.repeat(100_000), undefined);
    expect(!envelope.ok && envelope.error.message.length).toBeLessThan(200);
  });
});

describe('invalid input', () => {
  it('names the channel and the first bad field, and lists every issue', async () => {
    const host = fakeServiceHost(supervisor);
    const envelope = await createDispatcher(host)('cw:audit.list', { limit: 0, action: 7 });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('INVALID_ARGUMENT');
    expect(envelope.error.message).toMatch(/^Invalid input for cw:audit\.list: limit: /);
    expect(envelope.error.issues?.map((issue) => issue.path)).toEqual(['limit', 'action']);
    expect(host.calls).toEqual([]);
  });

  it('joins nested paths with dots', async () => {
    const envelope = await createDispatcher(fakeServiceHost(supervisor))('cw:settings.update', { cameraOrigins: ['ftp://x'] });
    expect(!envelope.ok && envelope.error.issues?.[0]?.path).toBe('cameraOrigins.0');
  });

  it('says "(input)" when the whole input is wrong', async () => {
    const envelope = await createDispatcher(fakeServiceHost())('cw:auth.login', 'admin:secret');
    expect(!envelope.ok && envelope.error.message).toMatch(/cw:auth\.login: \(input\): /);
    expect(!envelope.ok && envelope.error.issues?.[0]?.path).toBe('');
  });

  it('refuses an argument on channels that take none', async () => {
    const envelope = await createDispatcher(fakeServiceHost())('cw:app.info', { sneaky: true });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('hands the handler the parsed input, without keys the schema does not name', async () => {
    const host = fakeServiceHost(supervisor);
    host.reply('cw:shifts.list', () => []);
    await createDispatcher(host)('cw:shifts.list', { limit: 5, sql: 'DROP TABLE shifts' });
    expect(host.calls).toEqual([{ channel: 'cw:shifts.list', input: { limit: 5 } }]);
  });
});

describe('access', () => {
  it('checks access only after the input parsed, and never calls the handler when denied', async () => {
    const host = fakeServiceHost({ user: userWithRole('officer'), locked: false });
    const envelope = await createDispatcher(host)('cw:auth.listUsers', undefined);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!envelope.ok && envelope.error.message).toContain('supervisor');
    expect(host.calls).toEqual([]);
  });

  it('reads the session at each call, so a lock takes effect at once', async () => {
    const host = fakeServiceHost(supervisor);
    host.reply('cw:shifts.current', () => null);
    const dispatch = createDispatcher(host);
    expect((await dispatch('cw:shifts.current', undefined)).ok).toBe(true);
    host.setSession({ ...supervisor, locked: true });
    expect(await dispatch('cw:shifts.current', undefined)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('handler failures', () => {
  it('passes a ServiceError through as its own shape, unlogged', async () => {
    const host = fakeServiceHost();
    const log = vi.fn();
    host.reply('cw:auth.login', () => {
      throw new ServiceError('BAD_CREDENTIALS', 'Wrong user name or password');
    });
    const envelope = await createDispatcher(host, log)('cw:auth.login', { username: 'a', password: 'b' });
    expect(envelope).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: 'Wrong user name or password' } });
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps a ServiceError’s issues', async () => {
    const host = fakeServiceHost(supervisor);
    const issues = [{ path: 'username', message: 'taken' }];
    host.reply('cw:auth.createUser', () => Promise.reject(new ServiceError('CONFLICT', 'User name taken', issues)));
    const envelope = await createDispatcher(host, vi.fn())('cw:auth.createUser', {
      username: 'li.wei',
      displayName: 'Li Wei',
      role: 'officer',
      password: 'correct horse battery',
    });
    expect(envelope).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'User name taken', issues } });
  });

  it.each([
    ['an Error', new Error('SQLITE_CORRUPT: database disk image is malformed at /home/officer/.config')],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('turns %s into INTERNAL with a generic message and logs it with the channel', async (_label, thrown) => {
    const host = fakeServiceHost();
    const log = vi.fn();
    host.reply('cw:app.status', () => {
      throw thrown;
    });
    const envelope = await createDispatcher(host, log)('cw:app.status', undefined);
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error in cw:app.status' } });
    expect(log).toHaveBeenCalledWith(thrown, { channel: 'cw:app.status', stage: 'handler' });
  });
});

describe('output guard', () => {
  it('turns a wrongly shaped result into INTERNAL and logs it', async () => {
    const host = fakeServiceHost();
    const log = vi.fn();
    host.reply('cw:app.info', () => ({ ...appInfo, version: 3 }));
    const envelope = await createDispatcher(host, log)('cw:app.info', undefined);
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error in cw:app.info' } });
    expect(log).toHaveBeenCalledWith(expect.anything(), { channel: 'cw:app.info', stage: 'output' });
  });

  it('drops fields the output schema does not name (a password hash never leaves)', async () => {
    const host = fakeServiceHost(supervisor);
    const user = userWithRole('officer');
    host.reply('cw:auth.listUsers', () => [{ ...user, passwordHash: 'scrypt$17$8$1$…' }]);
    const envelope = await createDispatcher(host)('cw:auth.listUsers', undefined);
    expect(envelope).toEqual({ ok: true, value: [user] });
  });

  it('returns valid results unchanged', async () => {
    const host = fakeServiceHost();
    host.reply('cw:settings.get', () => defaultSettings);
    expect(await createDispatcher(host)('cw:settings.get', undefined)).toEqual({ ok: true, value: defaultSettings });
  });
});

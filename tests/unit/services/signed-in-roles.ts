/**
 * Real services with one account per role, and a way to act as any of them through
 * the dispatcher: the rights table's tests sign in as each role in turn.
 */
import { callChannel, startTempServices, type TempServices } from './temp-services';
import type { CreateServicesOptions } from '../../../main/services';
import type { Role } from '../../../preload/contract/schemas/auth';
import type { ChannelName, ChannelOutput } from '../../../preload/contract';
import { roles } from '../../../preload/contract/rights';

export const PASSWORD = 'a long enough password';

/** The setup supervisor is `supervisor`; `supervisor.second` is the second pair of eyes. */
export type Person = Role | 'supervisor.second';

export interface RoleServices extends TempServices {
  /** Signs out whoever is signed in and signs this person in. */
  as(person: Person): Promise<void>;
  call<C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  /** The error code of a call, or 'ok'. */
  codeOf(channel: ChannelName, input?: unknown): Promise<string>;
  idOf(person: Person): string;
}

export async function startWithRoles(prefix: string, options: Partial<CreateServicesOptions> = {}): Promise<RoleServices> {
  const temp = await startTempServices(prefix, options);
  const call = <C extends ChannelName>(channel: C, input?: unknown) => callChannel(temp.services, channel, input);
  await call('cw:auth.setup', {
    username: 'supervisor',
    displayName: 'Zhou Qiang',
    password: PASSWORD,
    office: 'CNSZX',
    demo: false,
  });
  const ids = new Map<Person, string>();
  ids.set('supervisor', (await call('cw:auth.state')).user!.id);
  const people: [Person, Role][] = [
    ...roles.filter((role) => role !== 'supervisor').map((role): [Person, Role] => [role, role]),
    ['supervisor.second', 'supervisor'],
  ];
  for (const [person, role] of people) {
    const user = await call('cw:auth.createUser', { username: person, displayName: `Test ${person}`, role, password: PASSWORD });
    ids.set(person, user.id);
  }
  return {
    ...temp,
    call,
    async as(person) {
      await call('cw:auth.logout');
      await call('cw:auth.login', { username: person, password: PASSWORD });
    },
    codeOf: (channel, input) =>
      call(channel, input).then(
        () => 'ok',
        (error: unknown) => (error as { code?: string }).code ?? `thrown: ${String(error)}`,
      ),
    idOf: (person) => ids.get(person)!,
  };
}

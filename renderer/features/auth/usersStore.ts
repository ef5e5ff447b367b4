import { create } from 'zustand';
import type { Role, User } from '../../../preload/contract/schemas/auth';
import { clearway } from '../../app/clearway';

interface UsersStore {
  users: User[];
  loading: boolean;
  load(): Promise<void>;
  create(input: { username: string; displayName: string; role: Role; password: string }): Promise<User>;
  update(input: { id: string; displayName?: string; role?: Role; active?: boolean }): Promise<User>;
  resetPassword(id: string, password: string): Promise<void>;
}

function upsert(users: User[], user: User): User[] {
  const i = users.findIndex((u) => u.id === user.id);
  return i < 0 ? [...users, user] : users.map((u) => (u.id === user.id ? user : u));
}

export const useUsers = create<UsersStore>((set) => ({
  users: [],
  loading: false,
  async load() {
    set({ loading: true });
    try {
      set({ users: await clearway().invoke('cw:auth.listUsers') });
    } finally {
      set({ loading: false });
    }
  },
  async create(input) {
    const user = await clearway().invoke('cw:auth.createUser', input);
    set((s) => ({ users: upsert(s.users, user) }));
    return user;
  },
  async update(input) {
    const user = await clearway().invoke('cw:auth.updateUser', input);
    set((s) => ({ users: upsert(s.users, user) }));
    return user;
  },
  async resetPassword(id, password) {
    await clearway().invoke('cw:auth.resetPassword', { id, password });
  },
}));

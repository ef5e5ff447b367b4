import type { TFunction } from 'i18next';
import { Role } from '../../../preload/contract/schemas/auth';

export function roleOptions(t: TFunction): { value: Role; label: string }[] {
  return Role.options.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

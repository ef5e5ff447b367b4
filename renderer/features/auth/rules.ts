import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Client-side mirrors of the contract's Username and Password rules, translated. */
export function useUsernameRules(): FormRule[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      { required: true, message: t('auth.validation.usernameRequired') },
      { min: 3, max: 32, message: t('auth.validation.usernameLength') },
      { pattern: /^[a-z0-9][a-z0-9._-]*$/, message: t('auth.validation.usernamePattern') },
    ],
    [t],
  );
}

export function usePasswordRules(): FormRule[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      { required: true, message: t('auth.validation.passwordRequired') },
      { min: 10, message: t('auth.validation.passwordLength') },
      { max: 256, message: t('auth.validation.passwordLength') },
    ],
    [t],
  );
}

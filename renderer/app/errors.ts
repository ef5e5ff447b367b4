import type { TFunction } from 'i18next';
import { ClearwayError } from '../../preload/contract/api';

export interface ErrorText {
  /** What failed, from the service (or the browser). */
  message: string;
  /** What the officer can do about it, translated per error code. */
  action: string;
  code: string;
}

/** Turns any thrown value into a message plus what to do next. */
export function describeError(error: unknown, t: TFunction): ErrorText {
  if (error instanceof ClearwayError) {
    const issues = error.issues?.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return {
      code: error.code,
      message: issues ? `${error.message} (${issues})` : error.message,
      action: t(`errors.${error.code}`),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, action: t('errors.INTERNAL') };
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof ClearwayError && error.code === code;
}

/** Seconds the sign-in throttle asks to wait, when that is why the call was refused. */
export function retryAfterSeconds(error: unknown): number | null {
  return error instanceof ClearwayError && error.code === 'UNAVAILABLE' ? (error.retryAfterSeconds ?? null) : null;
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../preload/contract/schemas/common';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const locales: readonly Locale[] = ['zh-CN', 'en'];

type Messages = Record<string, unknown>;

/**
 * Feature areas keep their own strings in renderer/features/<area>/locales/<locale>.json,
 * loaded as the i18next namespace <area> (useTranslation('<area>')), so areas grow
 * without editing one shared file. A unit test keeps every pair of files' keys identical.
 */
const featureFiles = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });

function featureNamespaces(locale: Locale): Record<string, Messages> {
  const namespaces: Record<string, Messages> = {};
  for (const [path, messages] of Object.entries(featureFiles)) {
    const match = /features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    if (match?.[1] && match[2] === locale) namespaces[match[1]] = messages;
  }
  return namespaces;
}

/** The shell's strings (namespace `translation`) plus every feature area's namespace. */
export const resources = {
  en: { translation: en, ...featureNamespaces('en') },
  'zh-CN': { translation: zhCN, ...featureNamespaces('zh-CN') },
};

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...locales],
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function changeLocale(locale: Locale): Promise<void> {
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

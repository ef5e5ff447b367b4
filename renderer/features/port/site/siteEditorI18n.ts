/**
 * The camera editor's strings, as the i18next namespace `portSite`. They live with
 * the editor (renderer/features/port/site/locales) rather than in the port screen's
 * files; registered on first import, which the shell's loader does not reach.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const SITE_EDITOR_NS = 'portSite';

export function registerSiteEditorStrings(): void {
  if (!i18next.hasResourceBundle('en', SITE_EDITOR_NS)) i18next.addResourceBundle('en', SITE_EDITOR_NS, en, true, true);
  if (!i18next.hasResourceBundle('zh-CN', SITE_EDITOR_NS)) i18next.addResourceBundle('zh-CN', SITE_EDITOR_NS, zhCN, true, true);
}

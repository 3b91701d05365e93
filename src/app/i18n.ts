/**
 * vue-i18n for the HUD: Chinese by default, English complete (the `lang=` URL parameter or
 * `language` in config.json). Messages are compiled without eval (vue-i18n's JIT compiler), so
 * the strict Content-Security-Policy holds.
 */
import { createI18n } from 'vue-i18n';
import type { Language } from '../domain/appConfig';
import { en } from './locales/en';
import { type Messages, zhCN } from './locales/zhCN';

export const i18n = createI18n<[Messages], Language, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** Switches the HUD's language, and the page's (screen readers, hyphenation, CJK font choice). */
export function setLanguage(language: Language): void {
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}

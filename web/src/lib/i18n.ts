import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhTW from '../locales/zh-TW.json';
import en from '../locales/en.json';
import { FEATURE_NAMESPACES, FEATURE_RESOURCES_ZH, type FeatureNamespace } from './i18n-namespaces';
import { htmlLangOf, isLanguage, readStoredLanguage, storeLanguage, type Language } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhTW } & typeof FEATURE_RESOURCES_ZH;
  }
}

export const i18n = i18next.createInstance();

function resourcesOf(language: Language): Record<string, object> {
  const features = Object.fromEntries((Object.keys(FEATURE_NAMESPACES) as FeatureNamespace[]).map((ns) => [ns, FEATURE_NAMESPACES[ns][language]]));
  return { translation: language === 'en' ? en : zhTW, ...features };
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-TW': resourcesOf('zh-TW'), en: resourcesOf('en') },
  ns: ['translation', ...Object.keys(FEATURE_NAMESPACES)],
  defaultNS: 'translation',
  lng: readStoredLanguage(),
  fallbackLng: 'zh-TW',
  supportedLngs: ['zh-TW', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = htmlLangOf(currentLanguage());

i18n.on('languageChanged', (lng) => {
  const language: Language = isLanguage(lng) ? lng : 'zh-TW';
  document.documentElement.lang = htmlLangOf(language);
  storeLanguage(language);
});

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'zh-TW';
}

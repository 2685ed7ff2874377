import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../lib/language';

const NAMES: Record<Language, { label: string; lang: string }> = {
  'zh-TW': { label: '中文', lang: 'zh-Hant-TW' },
  en: { label: 'English', lang: 'en' },
};

/** 中文 / English; the choice is remembered in localStorage (see lib/i18n). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={NAMES[language].lang}
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {NAMES[language].label}
        </button>
      ))}
    </div>
  );
}

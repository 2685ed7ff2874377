import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveEmailLanguage } from '../../features/notifications/api';
import { isLanguage } from '../../lib/language';

/**
 * Signed in, the UI language (the language switch, remembered per browser) is also the language of
 * the user's e-mails: the server is told at sign-in and on every switch. It ignores a repeat.
 */
export function useEmailLanguage(): void {
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    if (isLanguage(language)) {
      void saveEmailLanguage(language);
    }
  }, [language]);
}

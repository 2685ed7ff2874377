import { useTranslation } from 'react-i18next';
import { useAgency } from './use-agency';
import { contactItems } from './contact';
import './agency-contact.css';

/**
 * The agency's contact details (GET /agency, configured with ISRC_AGENCY_*): one line in every
 * page's footer, a short list where a function is not online yet. Nothing until /agency answers.
 */
export function AgencyContact({ variant }: { variant: 'footer' | 'block' }) {
  const { t } = useTranslation();
  const { contact } = useAgency();
  if (contact === undefined) {
    return null;
  }
  const items = contactItems(contact);
  if (variant === 'footer') {
    return (
      <address className="agency-contact agency-contact--footer" aria-label={t('agencyContact.label')}>
        <span className="agency-contact__name">{contact.name}</span>
        {items.map((item) => (
          <span key={item.kind}>
            {t(`agencyContact.${item.kind}`)}
            {t('agencyContact.separator')}
            {item.href === undefined ? item.text : <a href={item.href}>{item.text}</a>}
          </span>
        ))}
      </address>
    );
  }
  return (
    <address className="agency-contact agency-contact--block" aria-label={t('agencyContact.label')}>
      <div className="agency-contact__name">{contact.name}</div>
      <dl>
        {items.map((item) => (
          <div key={item.kind}>
            <dt>{t(`agencyContact.${item.kind}`)}</dt>
            <dd>{item.href === undefined ? item.text : <a href={item.href}>{item.text}</a>}</dd>
          </div>
        ))}
      </dl>
    </address>
  );
}

import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { DemoTag } from '../../components/StatusTag';

/** Who is signed in: the user's name, and the registrant (or agency role) they act for. */
export function UserBadge({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const { user, registrant } = me;
  return (
    <p className="user-badge">
      <span className="visually-hidden">{t('header.signedInAs')}</span>
      <strong>{user.displayName}</strong>
      <span aria-hidden="true"> · </span>
      {registrant === null ? (
        <span>{t(`roles.${user.role}`)}</span>
      ) : (
        <span>
          {registrant.name}
          {registrant.isDemo ? (
            <>
              {' '}
              <DemoTag />
            </>
          ) : null}
        </span>
      )}
    </p>
  );
}

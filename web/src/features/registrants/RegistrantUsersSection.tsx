import { useState } from 'react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrantResponse } from '../../../../src/registrants/registrants.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { CreateUserModal, type NewUserValues } from '../users/CreateUserModal';
import { UserTable } from '../users/UserTable';
import { useCreateRegistrantUser, useRegistrantUsers } from './api';

/** 使用者帳號: the registrant's own logins. */
export function RegistrantUsersSection({ registrant }: { registrant: RegistrantResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const users = useRegistrantUsers(registrant.id);
  const create = useCreateRegistrantUser(registrant.id);
  const [creating, setCreating] = useState(false);

  const onSubmit = async ({ loginName, displayName, email, password }: NewUserValues) => {
    const user = await create.mutateAsync({ loginName, displayName, password, ...(email === undefined ? {} : { email }) });
    void message.success(t('users.created', { name: user.displayName }));
  };

  return (
    <SectionCard
      title={t('users.registrantUsers')}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      <UserTable users={users.data} loading={users.isFetching} showRole={false} emptyText={t('users.emptyRegistrant')} currentUserId={me.user.id} />
      <CreateUserModal
        open={creating}
        title={t('users.createFor', { name: registrant.name })}
        withRole={false}
        pending={create.isPending}
        onSubmit={onSubmit}
        onClose={() => setCreating(false)}
      />
    </SectionCard>
  );
}

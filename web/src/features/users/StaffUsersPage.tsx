import { useState } from 'react';
import { App, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Role } from '../../../../src/accounts/accounts.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useCreateStaffUser, useUsers } from './api';
import { CreateUserModal, type NewUserValues } from './CreateUserModal';
import { UserTable } from './UserTable';

const staffRoles: readonly Role[] = STAFF_ROLES;

/** 帳號管理: the agency's own accounts (registrant users are managed on each registrant's page). */
export function StaffUsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const users = useUsers();
  const create = useCreateStaffUser();
  const [creating, setCreating] = useState(false);
  const staff = users.data?.filter((user) => staffRoles.includes(user.role));

  const onSubmit = async ({ role = 'agency_officer', email, ...rest }: NewUserValues) => {
    const user = await create.mutateAsync({ ...rest, role, ...(email === undefined ? {} : { email }) });
    void message.success(t('users.created', { name: user.displayName }));
  };

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('users.createStaff')}
          </Button>
        }
      />
      <Card>
        {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
        <UserTable users={staff} loading={users.isFetching} showRole emptyText={t('users.emptyStaff')} currentUserId={me.user.id} />
      </Card>
      <CreateUserModal
        open={creating}
        title={t('users.createStaff')}
        withRole
        pending={create.isPending}
        onSubmit={onSubmit}
        onClose={() => setCreating(false)}
      />
    </>
  );
}

import { useState } from 'react';
import { Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserResponse } from '../../../../src/accounts/accounts.schemas.js';
import { StatusTag } from '../../components/StatusTag';
import { useAgency } from '../agency/use-agency';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserActions } from './UserActions';

interface Props {
  users: UserResponse[] | undefined;
  loading: boolean;
  showRole: boolean;
  emptyText: string;
  currentUserId: string;
}

export function UserTable({ users, loading, showRole, emptyText, currentUserId }: Props) {
  const { t } = useTranslation();
  const { formatDate } = useAgency();
  const [resetting, setResetting] = useState<UserResponse | null>(null);

  const columns: TableColumnsType<UserResponse> = [
    { title: t('users.fields.loginName'), dataIndex: 'loginName' },
    { title: t('users.fields.displayName'), dataIndex: 'displayName' },
    { title: t('users.fields.email'), dataIndex: 'email', render: (_value, row) => (row.email === '' ? '—' : row.email) },
    ...(showRole
      ? [{ title: t('users.fields.role'), dataIndex: 'role', render: (_value: unknown, row: UserResponse) => t(`roles.${row.role}`) }]
      : []),
    {
      title: t('users.fields.status'),
      dataIndex: 'status',
      render: (_value, row) => <StatusTag status={row.status} />,
    },
    { title: t('users.fields.createdAt'), dataIndex: 'createdAt', render: (_value, row) => formatDate(row.createdAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, row) => <UserActions user={row} isSelf={row.id === currentUserId} onResetPassword={() => setResetting(row)} />,
    },
  ];

  return (
    <>
      <Table<UserResponse>
        rowKey="id"
        columns={columns}
        dataSource={users ?? []}
        loading={loading}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

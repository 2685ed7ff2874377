import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserResponse } from '../../../../src/accounts/accounts.schemas.js';
import { useUpdateUser } from './api';

/** 停用 (asks once, names the consequence) / 啟用, and 重設密碼. */
export function UserActions({ user, isSelf, onResetPassword }: { user: UserResponse; isSelf: boolean; onResetPassword: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUser();
  const pending = update.isPending && update.variables.id === user.id;

  const setStatus = (status: UserResponse['status']) =>
    update.mutate(
      { id: user.id, body: { status } },
      {
        onSuccess: () => void message.success(t(status === 'active' ? 'users.activated' : 'users.suspended', { name: user.displayName })),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <Space wrap>
      {user.status === 'active' ? (
        <Popconfirm
          title={t('users.suspendConfirm', { name: user.displayName })}
          description={t('users.suspendEffect')}
          okText={t('users.suspend')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => setStatus('suspended')}
          disabled={isSelf}
        >
          <Button size="small" danger loading={pending} disabled={isSelf} title={isSelf ? t('users.cannotSuspendSelf') : undefined}>
            {t('users.suspend')}
          </Button>
        </Popconfirm>
      ) : (
        <Button size="small" loading={pending} onClick={() => setStatus('active')}>
          {t('users.activate')}
        </Button>
      )}
      <Button size="small" onClick={onResetPassword}>
        {t('users.resetPassword')}
      </Button>
    </Space>
  );
}

import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrantResponse } from '../../../../src/registrants/registrants.schemas.js';
import { StatusTag } from '../../components/StatusTag';
import { useUpdateRegistrant } from './api';

/** 啟用/停用: each asks once, saying what follows (suspending logs the registrant's users out). */
export function RegistrantStatusControl({ registrant }: { registrant: RegistrantResponse }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('registrantAdmin');
  const { message } = App.useApp();
  const update = useUpdateRegistrant(registrant.id);

  const setStatus = (status: RegistrantResponse['status']) =>
    update.mutate(
      { status },
      {
        onSuccess: () => void message.success(t(status === 'active' ? 'registrants.activated' : 'registrants.suspended', { name: registrant.name })),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <Space wrap>
      <StatusTag status={registrant.status} />
      {registrant.status === 'active' ? (
        <Popconfirm
          title={t('registrants.suspendConfirm', { name: registrant.name })}
          description={t('registrants.suspendEffect')}
          okText={t('registrants.suspend')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => setStatus('suspended')}
        >
          <Button danger loading={update.isPending}>
            {t('registrants.suspend')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={tr('status.activateConfirm', { name: registrant.name })}
          description={tr('status.activateEffect')}
          okText={tr('status.activate')}
          cancelText={t('common.cancel')}
          onConfirm={() => setStatus('active')}
        >
          <Button type="primary" loading={update.isPending}>
            {tr('status.activate')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

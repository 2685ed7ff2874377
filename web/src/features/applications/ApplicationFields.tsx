import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationResponse } from '../../../../src/applications/applications.schemas.js';
import { useAgency } from '../agency/use-agency';
import { ApplicationStatusTag } from './ApplicationStatusTag';

/** Everything the applicant gave, as the officer and the applicant both see it. */
export function ApplicationFields({ application, showLogin = false }: { application: ApplicationResponse; showLogin?: boolean }) {
  const { t } = useTranslation('applications');
  const { formatDate } = useAgency();
  const { kind } = application;
  const items = [
    { key: 'kind', label: t('fields.kind'), children: t(`kinds.${kind}`) },
    { key: 'name', label: t(`fields.name.${kind}`), children: application.name },
    ...(kind === 'individual'
      ? []
      : [{ key: 'registrationNumber', label: t(`fields.registrationNumber.${kind}`), children: application.registrationNumber }]),
    { key: 'contactPerson', label: t('fields.contactPerson'), children: application.contactPerson },
    { key: 'address', label: t('fields.address'), children: application.address },
    { key: 'phone', label: t('fields.phone'), children: application.phone },
    { key: 'email', label: t('fields.email'), children: application.email },
    ...(showLogin ? [{ key: 'loginName', label: t('fields.loginName'), children: application.loginName ?? '—' }] : []),
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDate(application.createdAt) },
    { key: 'status', label: t('fields.status'), children: <ApplicationStatusTag status={application.status} /> },
    ...(application.decidedAt === null ? [] : [{ key: 'decidedAt', label: t('fields.decidedAt'), children: formatDate(application.decidedAt) }]),
    ...(application.registrantCode === null
      ? []
      : [{ key: 'registrantCode', label: t('fields.registrantCode'), children: application.registrantCode }]),
    ...(application.decisionReason === null
      ? []
      : [{ key: 'decisionReason', label: t('fields.decisionReason'), children: application.decisionReason }]),
  ];
  return <Descriptions column={1} bordered size="small" items={items} />;
}

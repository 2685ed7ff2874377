import { useState } from 'react';
import { App, Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationResponse } from '../../../../src/applications/applications.schemas.js';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api-client';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { APPLICANT_FIELD_NAMES, ApplicantFields, toApplicantBody, type ApplicantValues } from './ApplicantFields';
import { useReapply } from './api';

/** The rejected application's data, to correct rather than type again. */
function valuesOf(application: ApplicationResponse): ApplicantValues {
  return {
    kind: application.kind,
    name: application.name,
    registrationNumber: application.registrationNumber,
    // An individual with no contact person of their own gets their name; left empty, a corrected name follows.
    contactPerson: application.kind === 'individual' && application.contactPerson === application.name ? '' : application.contactPerson,
    address: application.address,
    phone: application.phone,
    email: application.email,
  };
}

/**
 * 重新申請: after a rejection the applicant corrects the data (filled in from the rejected
 * application) and files a new application from the same account; the officers see it as new.
 */
export function ReapplySection({ application, onDone }: { application: ApplicationResponse; onDone: () => void }) {
  const { t } = useTranslation('applications');
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicantValues>();
  const reapply = useReapply();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = (values: ApplicantValues) => {
    setAlert(null);
    reapply.mutate(toApplicantBody(values), {
      onSuccess: () => {
        void message.success(t('reapply.done'));
        onDone();
      },
      onError: (error) => {
        if (!applyApiErrorToForm(form, error, { fields: [...APPLICANT_FIELD_NAMES] })) {
          setAlert(isApiError(error) ? error.message : t('apply.unknownError'));
        }
      },
    });
  };

  return (
    <SectionCard title={t('reapply.title')}>
      <Typography.Paragraph>{t('reapply.intro')}</Typography.Paragraph>
      <FormAlert message={alert} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark initialValues={valuesOf(application)} scrollToFirstError>
        <ApplicantFields />
        <Flex gap="small" wrap>
          <Button type="primary" htmlType="submit" loading={reapply.isPending}>
            {t('reapply.submit')}
          </Button>
          <Button onClick={onDone} disabled={reapply.isPending}>
            {t('reapply.cancel')}
          </Button>
        </Flex>
      </Form>
    </SectionCard>
  );
}

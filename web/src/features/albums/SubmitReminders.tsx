import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The guide's 提醒 before 送出審核. */
export function SubmitReminders({ individual }: { individual: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph>{t('submission.confirmText')}</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        <li>{t('submission.reminder1')}</li>
        <li>{t('submission.reminder2')}</li>
        {individual ? <li>{t('submission.reminder3')}</li> : null}
      </ol>
    </>
  );
}

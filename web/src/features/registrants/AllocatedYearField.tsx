import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIRST_ISRC_YEAR } from '../../../../src/isrc/index.js';
import { useAgency } from '../agency/use-agency';

/** 配發年份 of a registrant code: from the first ISRC year to the agency's current year. */
export function AllocatedYearField() {
  const { t } = useTranslation();
  const { agencyYear } = useAgency();
  const last = agencyYear();
  return (
    <Form.Item
      label={t('codes.allocatedYear')}
      name="allocatedYear"
      extra={t('codes.allocatedYearHelp')}
      rules={[
        { required: true, message: t('codes.allocatedYearRequired') },
        { type: 'integer', min: FIRST_ISRC_YEAR, max: last, message: t('codes.allocatedYearRange', { first: FIRST_ISRC_YEAR, last }) },
      ]}
    >
      <InputNumber min={FIRST_ISRC_YEAR} max={last} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
}

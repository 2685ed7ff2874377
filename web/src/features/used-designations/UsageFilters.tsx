import { useEffect, useState } from 'react';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIRST_ISRC_YEAR } from '../../../../src/isrc/year.js';
import { USED_CODE_STATUSES, type UsedCodeStatus } from '../../../../src/used-designations/used-designations.schemas.js';
import { RegistrantPicker } from '../registrants/RegistrantPicker';
import type { UsageFilters as Filters } from './api';

const CODE_PATTERN = /^[A-Za-z0-9]{3}$/;

interface Props {
  value: Filters;
  /** This year in the agency's time zone: the newest year offered. */
  currentYear: number;
  staff: boolean;
  onChange: (next: Filters) => void;
}

/** 年度 (and for staff 登記者, 登記者代碼) and 狀態; selects apply at once, the code on 查詢. */
export function UsageFilters({ value, currentYear, staff, onChange }: Props) {
  const { t } = useTranslation('usedDesignations');
  const [code, setCode] = useState(value.registrantCode ?? '');
  const [codeError, setCodeError] = useState(false);
  useEffect(() => setCode(value.registrantCode ?? ''), [value.registrantCode]);

  const years = Array.from({ length: currentYear - FIRST_ISRC_YEAR + 1 }, (_, i) => currentYear - i);
  const applyCode = () => {
    const trimmed = code.trim();
    if (trimmed !== '' && !CODE_PATTERN.test(trimmed)) {
      setCodeError(true);
      return;
    }
    setCodeError(false);
    onChange({ ...value, registrantCode: trimmed === '' ? undefined : trimmed.toUpperCase() });
  };

  return (
    <Form layout="vertical" aria-label={t('filters.label')} onFinish={applyCode} style={{ marginBottom: 16 }}>
      <Flex gap="middle" wrap align="end">
        <Form.Item label={t('filters.year')} htmlFor="used-year" style={{ margin: 0 }}>
          <Select<number>
            id="used-year"
            style={{ width: 120 }}
            value={value.year ?? currentYear}
            onChange={(year) => onChange({ ...value, year: year === currentYear ? undefined : year })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        {staff ? (
          <>
            <Form.Item label={t('filters.registrant')} htmlFor="used-registrant" style={{ margin: 0 }}>
              <RegistrantPicker
                id="used-registrant"
                value={value.registrantId}
                onChange={(registrantId) => onChange({ ...value, registrantId })}
                placeholder={t('filters.registrantPlaceholder')}
                width={280}
              />
            </Form.Item>
            <Form.Item
              label={t('filters.code')}
              htmlFor="used-code"
              style={{ margin: 0 }}
              validateStatus={codeError ? 'error' : undefined}
              help={codeError ? t('filters.codeInvalid') : undefined}
            >
              <Flex gap="small">
                <Input
                  id="used-code"
                  value={code}
                  maxLength={3}
                  allowClear
                  placeholder={t('filters.codePlaceholder')}
                  style={{ width: 120 }}
                  onChange={(e) => setCode(e.target.value)}
                />
                <Button htmlType="submit">{t('filters.search')}</Button>
              </Flex>
            </Form.Item>
          </>
        ) : null}
        <Form.Item label={t('filters.status')} htmlFor="used-status" style={{ margin: 0 }}>
          <Select<UsedCodeStatus | 'all'>
            id="used-status"
            style={{ width: 180 }}
            value={value.status ?? 'all'}
            onChange={(status) => onChange({ ...value, status: status === 'all' ? undefined : status })}
            options={[{ value: 'all', label: t('filters.allStatuses') }, ...USED_CODE_STATUSES.map((s) => ({ value: s, label: t(`codes.${s}`) }))]}
          />
        </Form.Item>
        {staff &&
        (value.registrantId !== undefined || value.registrantCode !== undefined || value.year !== undefined || value.status !== undefined) ? (
          <Button onClick={() => onChange({})}>{t('filters.clear')}</Button>
        ) : null}
      </Flex>
    </Form>
  );
}

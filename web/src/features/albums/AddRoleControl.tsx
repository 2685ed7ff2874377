import { useId, useState } from 'react';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREDIT_ROLES } from '../../../../src/catalog/vocabularies.js';
import { termOptions, useCatalogLocale } from './catalog-locale';

/** 新增其他作品職責: a drop-down of the roles not shown yet, and 加入. */
export function AddRoleControl({ taken, onAdd }: { taken: readonly string[]; onAdd: (role: string) => void }) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const selectId = useId();
  const [role, setRole] = useState<string | undefined>(undefined);
  const options = termOptions(CREDIT_ROLES, locale).filter((option) => !taken.includes(option.value));

  if (options.length === 0) {
    return null;
  }
  return (
    <div className="credit-row credit-row--add">
      <div className="credit-row__role">
        <label htmlFor={selectId}>{t('credits.addRole')}</label>
      </div>
      <div className="credit-row__name">
        <Select
          id={selectId}
          value={role}
          onChange={setRole}
          options={options}
          placeholder={t('credits.choose')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
        />
        <Button
          disabled={role === undefined}
          onClick={() => {
            if (role !== undefined) {
              onAdd(role);
              setRole(undefined);
            }
          }}
        >
          {t('credits.add')}
        </Button>
      </div>
    </div>
  );
}

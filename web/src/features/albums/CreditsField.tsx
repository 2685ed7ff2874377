import { useId, useState } from 'react';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../../src/catalog/field-labels.js';
import type { CreditRole } from '../../../../src/catalog/vocabularies.js';
import { useCatalogLocale } from './catalog-locale';
import { AddRoleControl } from './AddRoleControl';
import { CreditRoleRow } from './CreditRoleRow';
import type { CreditRow } from './credits';
import './catalog-form.css';

interface Props {
  scope: 'album' | 'track';
  defaultRoles: readonly CreditRole[];
  /** Track form: mark 「報名金曲獎必填項目」 on the roles the Golden Melody Awards require. */
  goldenMelody?: boolean;
  readOnly: boolean;
}

/**
 * 作品職責: one row per role, each with one or more names in order. The default roles are always
 * shown; 「新增其他作品職責」 adds another role from the list.
 */
export function CreditsField({ scope, defaultRoles, goldenMelody = false, readOnly }: Props) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const form = Form.useFormInstance();
  const labelId = useId();
  const [addedRole, setAddedRole] = useState<string | null>(null);

  return (
    <Form.Item
      label={<span id={labelId}>{t('credits.label')}</span>}
      required
      extra={readOnly ? undefined : problemMessage(scope, 'credits', 'credits', locale)}
    >
      <div role="group" aria-labelledby={labelId} className="credit-list">
        <Form.List name="credits">
          {(fields, { add, remove }) => {
            const rows = (form.getFieldValue('credits') as CreditRow[] | undefined) ?? [];
            return (
              <>
                {fields.map((field) => {
                  const role = rows[field.name]?.role ?? '';
                  return (
                    <CreditRoleRow
                      key={field.key}
                      listName={field.name}
                      role={role}
                      goldenMelody={goldenMelody}
                      removable={!defaultRoles.some((candidate) => candidate === role)}
                      onRemove={() => remove(field.name)}
                      autoFocusFirst={role === addedRole}
                      readOnly={readOnly}
                    />
                  );
                })}
                {readOnly ? null : (
                  <AddRoleControl
                    taken={rows.map((row) => row.role)}
                    onAdd={(role) => {
                      add({ role, names: [''] });
                      setAddedRole(role);
                    }}
                  />
                )}
              </>
            );
          }}
        </Form.List>
      </div>
    </Form.Item>
  );
}

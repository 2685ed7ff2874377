import { useState } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREDIT_ROLES } from '../../../../src/catalog/vocabularies.js';
import { termLabel, useCatalogLocale } from './catalog-locale';

interface Props {
  listName: number;
  role: string;
  goldenMelody: boolean;
  removable: boolean;
  onRemove: () => void;
  autoFocusFirst: boolean;
  readOnly: boolean;
}

/** One role: its label, its names (each input labelled 「表演者 1」, 「表演者 2」 …), reorder and remove. */
export function CreditRoleRow({ listName, role, goldenMelody, removable, onRemove, autoFocusFirst, readOnly }: Props) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const label = termLabel(CREDIT_ROLES, role, locale);
  const golden = goldenMelody && CREDIT_ROLES.some((term) => term.code === role && term.goldenMelodyRequired);
  const [focusIndex, setFocusIndex] = useState<number | null>(autoFocusFirst ? 0 : null);

  return (
    <div className="credit-row">
      <div className="credit-row__role">
        <span>{label}</span>
        {golden ? (
          <Typography.Text type="secondary" className="credit-row__note">
            {t('credits.goldenMelody')}
          </Typography.Text>
        ) : null}
      </div>
      <Form.List name={[listName, 'names']}>
        {(names, { add, remove, move }) => (
          <div className="credit-row__names">
            {names.map((nameField, index) => {
              const nameLabel = t('credits.nameLabel', { role: label, index: index + 1 });
              const which = { role: label, index: index + 1 };
              return (
                <div key={nameField.key} className="credit-row__name">
                  <Form.Item name={nameField.name} noStyle>
                    <Input aria-label={nameLabel} maxLength={200} autoFocus={index === focusIndex} />
                  </Form.Item>
                  {readOnly || names.length < 2 ? null : (
                    <>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        aria-label={t('credits.moveUp', which)}
                        title={t('credits.moveUp', which)}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === names.length - 1}
                        aria-label={t('credits.moveDown', which)}
                        title={t('credits.moveDown', which)}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        type="text"
                        size="small"
                        icon={<CloseOutlined />}
                        aria-label={t('credits.removeName', which)}
                        title={t('credits.removeName', which)}
                        onClick={() => remove(index)}
                      />
                    </>
                  )}
                </div>
              );
            })}
            {readOnly ? null : (
              <div>
                <Button
                  type="link"
                  size="small"
                  className="credit-row__action"
                  onClick={() => {
                    setFocusIndex(names.length);
                    add('');
                  }}
                >
                  {t('credits.addName', { role: label })}
                </Button>
                {removable ? (
                  <Button type="link" size="small" danger className="credit-row__action" onClick={onRemove}>
                    {t('credits.removeRole', { role: label })}
                  </Button>
                ) : null}
              </div>
            )}
          </div>
        )}
      </Form.List>
    </div>
  );
}

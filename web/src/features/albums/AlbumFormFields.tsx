import { Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import {
  ALBUM_DEFAULT_ROLES,
  ALBUM_TYPES,
  MEDIA_FORMS,
  PUBLICATION_CATEGORIES,
  RELEASE_TYPES,
  WORK_CATEGORIES,
} from '../../../../src/catalog/vocabularies.js';
import { tidyDuration, tidyPartialDate, type AlbumFormValues } from './album-values';
import { termOptions, useCatalogLocale } from './catalog-locale';
import { CoverField } from './CoverField';
import { CreditsField } from './CreditsField';
import { useAgency } from '../agency/use-agency';
import { dateWarningRule, durationRule, releaseDateRule, requiredWarning } from './validators';

/** The album form's fields, in the guide's order, plus the import template's extra fields. */
export function AlbumFormFields({ album, readOnly }: { album: AlbumResponse; readOnly: boolean }) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const { agencyYear } = useAgency();
  const form = Form.useFormInstance<AlbumFormValues>();

  const tidy = (field: 'releaseDate' | 'totalDuration') => () => {
    const text: unknown = form.getFieldValue(field);
    const tidied = typeof text === 'string' ? (field === 'releaseDate' ? tidyPartialDate(text) : tidyDuration(text)) : undefined;
    if (tidied !== undefined && tidied !== text) {
      form.setFieldValue(field, tidied);
    }
  };

  const placeholderDuration =
    album.totalDuration === null && album.effectiveDuration !== null
      ? t('albums.form.durationFromTracks', { duration: album.effectiveDuration })
      : t('albums.form.durationPlaceholder');

  return (
    <>
      <Form.Item label={t('albums.fields.albumNumber')}>
        <span className="ant-form-text">{album.albumNumber}</span>
      </Form.Item>
      <Form.Item label={t('albums.fields.releaseType')} name="releaseType">
        <Radio.Group aria-label={t('albums.fields.releaseType')} options={termOptions(RELEASE_TYPES, locale)} />
      </Form.Item>
      <Form.Item label={t('albums.fields.title')} name="title" required rules={[requiredWarning('album', 'title', locale)]}>
        <Input maxLength={500} />
      </Form.Item>
      <CreditsField scope="album" defaultRoles={ALBUM_DEFAULT_ROLES} readOnly={readOnly} />
      <Form.Item label={t('albums.fields.publisher')} name="publisher" required rules={[requiredWarning('album', 'publisher', locale)]}>
        <Input maxLength={300} autoComplete="organization" />
      </Form.Item>
      <Form.Item
        label={t('albums.fields.releaseDate')}
        name="releaseDate"
        required
        extra={t('albums.form.releaseDateHelp')}
        rules={[releaseDateRule(t, agencyYear), dateWarningRule(t, 'releaseDate', agencyYear), requiredWarning('album', 'releaseDate', locale)]}
      >
        <Input maxLength={20} placeholder="YYYY.MM.DD" onBlur={tidy('releaseDate')} style={{ maxWidth: 200 }} />
      </Form.Item>
      <CoverField album={album} readOnly={readOnly} />
      <Form.Item
        label={t('albums.fields.productionCompany')}
        name="productionCompany"
        required
        rules={[requiredWarning('album', 'productionCompany', locale)]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label={t('albums.fields.totalDuration')} name="totalDuration" extra={t('albums.form.durationHelp')} rules={[durationRule(t)]}>
        <Input maxLength={12} placeholder={placeholderDuration} onBlur={tidy('totalDuration')} style={{ maxWidth: 280 }} />
      </Form.Item>
      <Form.Item label={t('albums.fields.albumType')} name="albumType" required rules={[requiredWarning('album', 'albumType', locale, 'choose')]}>
        <Select options={termOptions(ALBUM_TYPES, locale)} placeholder={t('credits.choose')} allowClear style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item label={t('albums.fields.workCategory')} name="workCategory">
        <Select options={termOptions(WORK_CATEGORIES, locale)} placeholder={t('credits.choose')} allowClear style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item label={t('albums.fields.mediaForm')} name="mediaForm">
        <Select options={termOptions(MEDIA_FORMS, locale)} placeholder={t('credits.choose')} allowClear style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item label={t('albums.fields.publicationCategory')} name="publicationCategory">
        <Select options={termOptions(PUBLICATION_CATEGORIES, locale)} placeholder={t('credits.choose')} allowClear style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item label={t('albums.fields.introduction')} name="introduction">
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item label={t('albums.fields.retroactive')} name="retroactive" valuePropName="checked" extra={t('albums.form.retroactiveHelp')}>
        <Checkbox>{t('albums.form.retroactiveLabel')}</Checkbox>
      </Form.Item>
    </>
  );
}

import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRACK_DEFAULT_ROLES, VERSION_TYPES } from '../../../../src/catalog/vocabularies.js';
import { normaliseIsrc } from '../../../../src/isrc/index.js';
import { tidyDuration, tidyPartialDate } from '../albums/album-values';
import { termOptions, useCatalogLocale } from '../albums/catalog-locale';
import { CreditsField } from '../albums/CreditsField';
import { useAgency } from '../agency/use-agency';
import { dateWarningRule, durationRule, recordingDateRule, requiredWarning } from '../albums/validators';
import { versionOfRules } from './isrc-rules';
import { NOT_A_VERSION, type TrackFormValues } from './track-values';

/** 名稱*: 曲目名稱, 故事名稱, 段子, 主題(專題), 劇目名稱; then 曲目介紹. */
export function TrackNameFields() {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  return (
    <>
      <Form.Item label={t('tracks.fields.title')} name="title" required rules={[requiredWarning('track', 'title', locale)]}>
        <Input maxLength={500} />
      </Form.Item>
      {(['storyTitle', 'episode', 'theme', 'playTitle'] as const).map((name) => (
        <Form.Item key={name} label={t(`tracks.fields.${name}`)} name={name}>
          <Input maxLength={500} />
        </Form.Item>
      ))}
      <Form.Item label={t('tracks.fields.description')} name="description">
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
    </>
  );
}

/** 作品職責*, 製作公司*, 錄製長度, 錄製日期, AI 輔助, 境外作品. */
export function TrackDetailFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const { agencyYear } = useAgency();
  const form = Form.useFormInstance<TrackFormValues>();
  const yesNo = [
    { value: false, label: t('common.no') },
    { value: true, label: t('common.yes') },
  ];
  const tidy = (field: 'duration' | 'recordingDate') => () => {
    const text: unknown = form.getFieldValue(field);
    const tidied = typeof text !== 'string' ? undefined : field === 'duration' ? tidyDuration(text) : tidyPartialDate(text);
    if (tidied !== undefined && tidied !== text) {
      form.setFieldValue(field, tidied);
    }
  };
  return (
    <>
      <CreditsField scope="track" defaultRoles={TRACK_DEFAULT_ROLES} goldenMelody readOnly={readOnly} />
      <Form.Item
        label={t('tracks.fields.productionCompany')}
        name="productionCompany"
        required
        rules={[requiredWarning('track', 'productionCompany', locale)]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label={t('tracks.fields.duration')} name="duration" extra={t('tracks.durationHelp')} rules={[durationRule(t)]}>
        <Input maxLength={12} placeholder={t('albums.form.durationPlaceholder')} onBlur={tidy('duration')} style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item
        label={t('tracks.fields.recordingDate')}
        name="recordingDate"
        extra={t('tracks.recordingDateHelp')}
        rules={[recordingDateRule(t, agencyYear), dateWarningRule(t, 'recordingDate', agencyYear)]}
      >
        <Input maxLength={12} placeholder="YYYY.MM" onBlur={tidy('recordingDate')} style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item label={t('tracks.fields.aiAssisted')} name="aiAssisted">
        <Radio.Group aria-label={t('tracks.fields.aiAssisted')} options={yesNo} />
      </Form.Item>
      <Form.Item label={t('tracks.fields.producedAbroad')} name="producedAbroad">
        <Radio.Group aria-label={t('tracks.fields.producedAbroad')} options={yesNo} />
      </Form.Item>
    </>
  );
}

/**
 * 版本: is this a new version of another recording (remix, edit, live …), and which one. The
 * example is an ISRC under the registrant's own code (none for an individual).
 */
export function VersionFields({ currentIsrc, isrcExample }: { currentIsrc: string | null; isrcExample: string | undefined }) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const form = Form.useFormInstance<TrackFormValues>();
  const versionType = Form.useWatch<string | undefined>('versionType', form) ?? NOT_A_VERSION;

  /** The ISRC this version will have: the saved one, or the one typed under 自行輸入 / 境外錄音. */
  const ownIsrc = (): string | null => {
    const typed: unknown = form.getFieldValue('isrc');
    const parsed = typeof typed === 'string' && typed.trim() !== '' ? normaliseIsrc(typed) : undefined;
    return parsed?.ok === true && form.getFieldValue('isrcMode') !== 'next' ? parsed.value : currentIsrc;
  };

  return (
    <>
      <Form.Item label={t('tracks.fields.versionType')} name="versionType" extra={t('tracks.versionHelp')}>
        <Select
          options={[{ value: NOT_A_VERSION, label: t('tracks.notAVersion') }, ...termOptions(VERSION_TYPES, locale)]}
          style={{ maxWidth: 320 }}
        />
      </Form.Item>
      {versionType === NOT_A_VERSION ? null : (
        <Form.Item
          label={t('tracks.fields.versionOfIsrc')}
          name="versionOfIsrc"
          required
          dependencies={['isrc', 'isrcMode']}
          rules={versionOfRules(locale, ownIsrc)}
        >
          <Input maxLength={40} placeholder={isrcExample} autoComplete="off" spellCheck={false} style={{ maxWidth: 280 }} />
        </Form.Item>
      )}
    </>
  );
}

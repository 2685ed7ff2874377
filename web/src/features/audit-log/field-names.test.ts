import { describe, expect, it } from 'vitest';
import { ALBUM_FORM_FIELDS, TRACK_FORM_FIELDS } from '../../../../src/catalog/field-labels.js';
import { CHANGEABLE_FIELDS } from '../../../../src/change-requests/change-request-fields.js';
import { LANGUAGES } from '../../lib/language';
import { auditFieldLabel } from './field-names';

describe(auditFieldLabel.name, () => {
  it('names album, track and registrant fields as their forms do, in both languages', () => {
    expect(auditFieldLabel('album', 'releaseDate', 'zh-TW')).toBe('發行日期');
    expect(auditFieldLabel('album', 'releaseDate', 'en')).toBe('Release date');
    expect(auditFieldLabel('recording', 'storyTitle', 'zh-TW')).toBe('故事名稱');
    expect(auditFieldLabel('recording', 'versionOfIsrc', 'en')).toBe('ISRC of the original');
    expect(auditFieldLabel('registrant', 'registrationNumber', 'zh-TW')).toBe('統一編號／機關代碼');
    expect(auditFieldLabel('registrant_application', 'contactPerson', 'en')).toBe('Contact person');
  });

  it.each(LANGUAGES)('has a word for every field of the album, track and change-request forms (%s)', (language) => {
    for (const field of ALBUM_FORM_FIELDS) {
      expect(auditFieldLabel('album', field, language), `album ${field}`).not.toBe(field);
    }
    for (const field of TRACK_FORM_FIELDS) {
      expect(auditFieldLabel('recording', field, language), `track ${field}`).not.toBe(field);
    }
    for (const field of CHANGEABLE_FIELDS) {
      expect(auditFieldLabel('registrant', field, language), `registrant ${field}`).not.toBe(field);
    }
  });

  it('names the system columns of any object', () => {
    expect(auditFieldLabel('album', 'status', 'zh-TW')).toBe('狀態');
    expect(auditFieldLabel('registrant_code', 'allocatedYear', 'zh-TW')).toBe('配發年份');
    expect(auditFieldLabel('user', 'loginName', 'en')).toBe('Login');
    expect(auditFieldLabel('agency_settings', 'updatedAt', 'en')).toBe('Last updated');
  });

  it('keeps the raw name of a field no list knows (inherited object keys included)', () => {
    expect(auditFieldLabel('album', 'somethingNew', 'zh-TW')).toBe('somethingNew');
    expect(auditFieldLabel('mystery', 'constructor', 'en')).toBe('constructor');
    expect(auditFieldLabel('album', 'toString', 'zh-TW')).toBe('toString');
  });
});

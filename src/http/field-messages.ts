import type { Locale } from '../shared/locale.js';
import { interpolate } from '../shared/locale.js';

/** Messages for one field's rule, by the validation keyword (ajv) or our own rule name. */
const FIELD_MESSAGES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  required: { 'zh-TW': '此欄位為必填。', en: 'This field is required.' },
  minLength: { 'zh-TW': '至少需 {limit} 個字元。', en: 'Needs at least {limit} characters.' },
  maxLength: { 'zh-TW': '最多 {limit} 個字元。', en: 'At most {limit} characters.' },
  pattern: { 'zh-TW': '格式不正確。', en: 'The format is not valid.' },
  format: { 'zh-TW': '格式不正確（應為 {format}）。', en: 'The format is not valid (expected {format}).' },
  type: { 'zh-TW': '資料型態不正確（應為 {type}）。', en: 'Wrong type (expected {type}).' },
  enum: { 'zh-TW': '請從允許的選項中選擇：{allowed}。', en: 'Choose one of: {allowed}.' },
  minimum: { 'zh-TW': '不可小於 {limit}。', en: 'May not be less than {limit}.' },
  maximum: { 'zh-TW': '不可大於 {limit}。', en: 'May not be more than {limit}.' },
  unknownField: { 'zh-TW': '不認得的欄位「{name}」。', en: 'Unknown field "{name}".' },
  minProperties: { 'zh-TW': '請至少提供一個要修改的欄位。', en: 'Provide at least one field to change.' },
  businessNumber: { 'zh-TW': '統一編號應為 8 位數字，請確認號碼是否正確。', en: 'A business registration number (統一編號) has 8 digits; please check the number.' },
  notAllowed: { 'zh-TW': '此欄位不需填寫，請留空。', en: 'Leave this field empty.' },
  governmentCode: { 'zh-TW': '機關代碼應為 2 至 20 個英文字母或數字。', en: 'A government agency code is 2 to 20 letters or digits.' },
  registrantCode: { 'zh-TW': '登記者代碼應為 3 個英文字母或數字。', en: 'A registrant code is 3 letters or digits.' },
  date: { 'zh-TW': '日期格式應為 YYYY、YYYY.MM 或 YYYY.MM.DD（例如 2026.03.09）。', en: 'Use YYYY, YYYY.MM or YYYY.MM.DD (e.g. 2026.03.09).' },
  calendarDay: { 'zh-TW': '日期不存在，請填寫 YYYY-MM-DD（例如 2026-03-09）。', en: 'No such day; use YYYY-MM-DD (e.g. 2026-03-09).' },
  recordingDate: { 'zh-TW': '錄製日期格式應為 YYYY 或 YYYY.MM。', en: 'Use YYYY or YYYY.MM for the recording date.' },
  dateTooEarly: { 'zh-TW': '日期不可早於 {earliest} 年（最早的錄音）。', en: 'The date may not be before {earliest} (the first sound recording).' },
  dateTooLate: {
    'zh-TW': '日期不可晚於 {latest} 年（最多為今年之後 {years} 年），請確認年份。',
    en: 'The date may not be after {latest} (at most {years} years after this year); please check the year.',
  },
  duration: { 'zh-TW': '長度格式應為 時:分:秒（例如 0:04:05）。', en: 'Use h:mm:ss for durations (e.g. 0:04:05).' },
  isrc: { 'zh-TW': 'ISRC 格式不正確，應為 12 碼（例如 TW-A01-26-00001）。', en: 'Not a valid ISRC; it has 12 characters (e.g. TW-A01-26-00001).' },
  oneCreditName: {
    'zh-TW': '一格只填一位的名字：「、」「;」「；」與換行用來分隔多位，請按「新增」分開填寫。',
    en: 'One name per box: 、 ; ； and line breaks separate names. Add each name on its own.',
  },
  invalidCharacter: { 'zh-TW': '含有不允許的字元（{character}）。', en: 'Contains a character that is not allowed ({character}).' },
  finiteNumber: { 'zh-TW': '數值超出範圍。', en: 'The number is out of range.' },
  notOnAlbum: { 'zh-TW': '這首曲目不在這張專輯中。', en: 'This track is not on the album.' },
  duplicateTrack: { 'zh-TW': '同一首曲目只能填一個退回原因。', en: 'Give one reason per track.' },
  invalid: { 'zh-TW': '內容不正確。', en: 'This value is not valid.' },
};

export function fieldMessage(code: string, locale: Locale, params: Readonly<Record<string, unknown>> = {}): string {
  const entry = FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid;
  return interpolate(entry?.[locale] ?? code, params);
}

import reviewZh from '../features/review/locales/zh-TW.json';
import coversZh from '../features/albums/locales/zh-TW.json';
import coversEn from '../features/albums/locales/en.json';
import reviewEn from '../features/review/locales/en.json';
import notificationsZh from '../features/notifications/locales/zh-TW.json';
import notificationsEn from '../features/notifications/locales/en.json';
import applicationsZh from '../features/applications/locales/zh-TW.json';
import applicationsEn from '../features/applications/locales/en.json';
import changeRequestsZh from '../features/change-requests/locales/zh-TW.json';
import changeRequestsEn from '../features/change-requests/locales/en.json';
import depositZh from '../features/deposit/locales/zh-TW.json';
import depositEn from '../features/deposit/locales/en.json';
import fixityZh from '../features/fixity/locales/zh-TW.json';
import fixityEn from '../features/fixity/locales/en.json';
import searchZh from '../features/search/locales/zh-TW.json';
import searchEn from '../features/search/locales/en.json';
import auditLogZh from '../features/audit-log/locales/zh-TW.json';
import auditLogEn from '../features/audit-log/locales/en.json';
import registrantAdminZh from '../features/registrants/locales/zh-TW.json';
import registrantAdminEn from '../features/registrants/locales/en.json';
import mediaZh from '../features/media/locales/zh-TW.json';
import mediaEn from '../features/media/locales/en.json';

/**
 * Feature namespaces: each feature keeps its texts in its own locale files, so features grow
 * without touching one shared file. `useTranslation('<namespace>')` reads them, typed.
 */
export const FEATURE_NAMESPACES = {
  review: { 'zh-TW': reviewZh, en: reviewEn },
  covers: { 'zh-TW': coversZh, en: coversEn },
  notifications: { 'zh-TW': notificationsZh, en: notificationsEn },
  applications: { 'zh-TW': applicationsZh, en: applicationsEn },
  changeRequests: { 'zh-TW': changeRequestsZh, en: changeRequestsEn },
  deposit: { 'zh-TW': depositZh, en: depositEn },
  fixity: { 'zh-TW': fixityZh, en: fixityEn },
  search: { 'zh-TW': searchZh, en: searchEn },
  auditLog: { 'zh-TW': auditLogZh, en: auditLogEn },
  registrantAdmin: { 'zh-TW': registrantAdminZh, en: registrantAdminEn },
  media: { 'zh-TW': mediaZh, en: mediaEn },
} as const;

export type FeatureNamespace = keyof typeof FEATURE_NAMESPACES;

/** The zh-TW texts of every namespace: the shape i18next's types check keys against. */
export const FEATURE_RESOURCES_ZH = {
  review: reviewZh,
  covers: coversZh,
  notifications: notificationsZh,
  applications: applicationsZh,
  changeRequests: changeRequestsZh,
  deposit: depositZh,
  fixity: fixityZh,
  search: searchZh,
  auditLog: auditLogZh,
  registrantAdmin: registrantAdminZh,
  media: mediaZh,
};

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
import apiTokensZh from '../features/api-tokens/locales/zh-TW.json';
import apiTokensEn from '../features/api-tokens/locales/en.json';
import usedDesignationsZh from '../features/used-designations/locales/zh-TW.json';
import usedDesignationsEn from '../features/used-designations/locales/en.json';
import marcZh from '../features/marc/locales/zh-TW.json';
import marcEn from '../features/marc/locales/en.json';
import publicSearchZh from '../features/public-search/locales/zh-TW.json';
import publicSearchEn from '../features/public-search/locales/en.json';
import statsZh from '../features/stats/locales/zh-TW.json';
import statsEn from '../features/stats/locales/en.json';
import ddexZh from '../features/ddex/locales/zh-TW.json';
import ddexEn from '../features/ddex/locales/en.json';
import importZh from '../features/import/locales/zh-TW.json';
import importEn from '../features/import/locales/en.json';
import jobsZh from '../features/jobs/locales/zh-TW.json';
import jobsEn from '../features/jobs/locales/en.json';

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
  apiTokens: { 'zh-TW': apiTokensZh, en: apiTokensEn },
  usedDesignations: { 'zh-TW': usedDesignationsZh, en: usedDesignationsEn },
  marc: { 'zh-TW': marcZh, en: marcEn },
  publicSearch: { 'zh-TW': publicSearchZh, en: publicSearchEn },
  stats: { 'zh-TW': statsZh, en: statsEn },
  ddex: { 'zh-TW': ddexZh, en: ddexEn },
  import: { 'zh-TW': importZh, en: importEn },
  jobs: { 'zh-TW': jobsZh, en: jobsEn },
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
  apiTokens: apiTokensZh,
  usedDesignations: usedDesignationsZh,
  marc: marcZh,
  publicSearch: publicSearchZh,
  stats: statsZh,
  ddex: ddexZh,
  import: importZh,
  jobs: jobsZh,
};

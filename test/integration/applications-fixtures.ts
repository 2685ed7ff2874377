import { uniqueName } from '../helpers/factories.js';

/** A complete 登記者代碼申請 of a company, with a fresh name and login; `overrides` changes or adds fields. */
export function applicationBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'company',
    name: uniqueName('申請唱片'),
    registrationNumber: '04595257',
    contactPerson: '王小明',
    address: '臺北市中正區貴陽街一段 2 號',
    phone: '(02)2361-9132',
    email: 'apply@example.org',
    loginName: uniqueName('apply').toLowerCase(),
    password: 'applicant-pass-1',
    ...overrides,
  };
}

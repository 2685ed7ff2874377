import { Type, type Static } from 'typebox';
import { LoginName, Password } from '../accounts/accounts.schemas.js';
import { PageOf, PageQuery, Text, Uuid } from '../shared/common.schemas.js';
import { REGISTRANT_KINDS, REQUEST_STATUSES, type RegistrantKind } from '../shared/enums.js';
import { REGISTRANT_CODE_INPUT_PATTERN } from '../isrc/registrant-code.js';
import { FIRST_ISRC_YEAR, LAST_REPRESENTABLE_YEAR } from '../isrc/year.js';

/** Browser-safe: the API's schemas and the registration-number rule the apply form checks too. */

export const ApplicationKind = Type.Enum(REGISTRANT_KINDS);
export const ApplicationStatus = Type.Enum(REQUEST_STATUSES);
export type ApplicationStatus = Static<typeof ApplicationStatus>;

const PHONE_PATTERN = '^[0-9+()#\\- ]*$';
/** 機關代碼: letters and digits (the government's codes are alphanumeric; some bodies give their 統一編號). */
export const GOVERNMENT_CODE_PATTERN = /^[A-Za-z0-9]{2,20}$/;

/**
 * 統一編號 (Taiwan business registration number): 8 digits; weights 1 2 1 2 1 2 4 1, the digits of
 * each product summed; valid when the total is divisible by 5 (the Ministry of Finance widened the
 * rule from 10 to 5 in 2023, old numbers still pass). A 7 in the 7th place gives 28 → 10, which
 * counts as 1 or 0: either total may pass.
 */
export function isValidBusinessNumber(value: string): boolean {
  if (!/^[0-9]{8}$/.test(value)) {
    return false;
  }
  const weights = [1, 2, 1, 2, 1, 2, 4, 1];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const product = Number(value[i]) * (weights[i] ?? 0);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 5 === 0 || (value[6] === '7' && (sum + 1) % 5 === 0);
}

/**
 * What is wrong with the registration number for this kind, as a field rule code, or undefined when
 * it is right: companies give their 統一編號, government bodies their 機關代碼, individuals none.
 */
export function registrationNumberProblem(kind: RegistrantKind, value: string): 'required' | 'businessNumber' | 'governmentCode' | 'notAllowed' | undefined {
  const text = value.trim();
  if (kind === 'individual') {
    return text === '' ? undefined : 'notAllowed';
  }
  if (text === '') {
    return 'required';
  }
  if (kind === 'company') {
    return isValidBusinessNumber(text) ? undefined : 'businessNumber';
  }
  return GOVERNMENT_CODE_PATTERN.test(text) ? undefined : 'governmentCode';
}

/** What an application says about the registrant-to-be (and where to reach it). */
const APPLICANT_FIELDS = {
  kind: ApplicationKind,
  name: Text(200, { description: '公司名稱 / 機關名稱 / 姓名' }),
  registrationNumber: Type.Optional(Type.String({ maxLength: 20, description: '統一編號 (company, 8 digits with check digit) / 機關代碼 (government body); omit for individuals' })),
  contactPerson: Type.Optional(Type.String({ maxLength: 100, description: '聯絡人; required for companies and government bodies (an individual is their own contact)' })),
  address: Text(300),
  phone: Type.String({ minLength: 1, maxLength: 50, pattern: PHONE_PATTERN }),
  email: Type.String({ maxLength: 200, format: 'email' }),
};

/** 登記者代碼申請: the registrant's data and the applicant's first user account. */
export const ApplyBody = Type.Object({ ...APPLICANT_FIELDS, loginName: LoginName, password: Password }, { additionalProperties: false });
export type ApplyBody = Static<typeof ApplyBody>;

/** 重新申請: after a rejection, the same account files a new application (the data again, no new login). */
export const ReapplyBody = Type.Object(APPLICANT_FIELDS, { additionalProperties: false });
export type ReapplyBody = Static<typeof ReapplyBody>;

export const ApplicationResponse = Type.Object({
  id: Uuid,
  kind: ApplicationKind,
  name: Type.String(),
  registrationNumber: Type.String(),
  contactPerson: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  loginName: Type.Union([Type.String(), Type.Null()], { description: "The applicant's login (null if the account was removed)" }),
  status: ApplicationStatus,
  decisionReason: Type.Union([Type.String(), Type.Null()], { description: 'Why it was rejected' }),
  registrantId: Type.Union([Uuid, Type.Null()]),
  registrantCode: Type.Union([Type.String(), Type.Null()], { description: 'The code allocated on approval (companies and government bodies)' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ApplicationResponse = Static<typeof ApplicationResponse>;

export const ApplicationListQuery = Type.Object({ ...PageQuery, status: Type.Optional(ApplicationStatus) }, { additionalProperties: false });
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;
export const ApplicationPage = PageOf(ApplicationResponse);
export type ApplicationPage = Static<typeof ApplicationPage>;

export const ApproveApplicationBody = Type.Object(
  {
    registrantCode: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 3,
        pattern: REGISTRANT_CODE_INPUT_PATTERN,
        description: 'Company / government body: the code to allocate; omit for the suggested next free code',
      }),
    ),
    allocatedYear: Type.Optional(Type.Integer({ minimum: FIRST_ISRC_YEAR, maximum: LAST_REPRESENTABLE_YEAR, description: "Default: the agency's current year" })),
  },
  { additionalProperties: false },
);
export type ApproveApplicationBody = Static<typeof ApproveApplicationBody>;

export const RejectApplicationBody = Type.Object({ reason: Text(1000, { description: 'Why the application is not approved (shown to the applicant)' }) }, { additionalProperties: false });
export type RejectApplicationBody = Static<typeof RejectApplicationBody>;

export const SuggestedCodeResponse = Type.Object({ countryCode: Type.String(), code: Type.String() });
export type SuggestedCodeResponse = Static<typeof SuggestedCodeResponse>;

import { Type, type Static } from 'typebox';
import { RegistrantCodeResponse } from '../registrants/registrants.schemas.js';

export const SettingsResponse = Type.Object({
  countryCode: Type.String({ description: 'Country prefix this agency allocates under (ISRC_COUNTRY_CODE)' }),
  timeZone: Type.String({ description: 'IANA time zone of the agency (ISRC_TIME_ZONE)' }),
  poolCodes: Type.Array(RegistrantCodeResponse, { description: "The agency's pool registrant codes, used for individuals" }),
});
export type SettingsResponse = Static<typeof SettingsResponse>;

/** How to reach the agency (ISRC_AGENCY_*): every page's footer, and the interim route of functions not online yet. */
export const AgencyContact = Type.Object({
  name: Type.String({ description: 'Name of the agency (ISRC_AGENCY_NAME)' }),
  address: Type.String({ description: 'Postal address (ISRC_AGENCY_ADDRESS)' }),
  phone: Type.String({ description: 'Telephone, as people dial it (ISRC_AGENCY_PHONE)' }),
  email: Type.String({ description: 'E-mail address (ISRC_AGENCY_EMAIL)' }),
});
export type AgencyContact = Static<typeof AgencyContact>;

/** Public: what every screen needs to follow the agency rather than the browser (GET /agency). */
export const AgencyResponse = Type.Object({
  countryCode: Type.String({ description: 'Country prefix this agency allocates under (ISRC_COUNTRY_CODE)' }),
  timeZone: Type.String({ description: 'IANA time zone of the agency (ISRC_TIME_ZONE); the year of reference and "today" follow it' }),
  now: Type.String({ format: 'date-time', description: "The server's clock, so a browser with a wrong clock still shows the agency's today" }),
  currentYear: Type.Integer({ description: 'The calendar year now in the agency time zone: the year of reference of codes assigned today' }),
  contact: AgencyContact,
});
export type AgencyResponse = Static<typeof AgencyResponse>;

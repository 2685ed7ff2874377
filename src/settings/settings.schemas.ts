import { Type, type Static } from 'typebox';
import { RegistrantCodeResponse } from '../registrants/registrants.schemas.js';

export const SettingsResponse = Type.Object({
  countryCode: Type.String({ description: 'Country prefix this agency allocates under (ISRC_COUNTRY_CODE)' }),
  poolCodes: Type.Array(RegistrantCodeResponse, { description: "The agency's pool registrant codes, used for individuals" }),
});
export type SettingsResponse = Static<typeof SettingsResponse>;

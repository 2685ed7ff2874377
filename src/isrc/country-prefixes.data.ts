// GENERATED FILE - do not edit by hand. Regenerate with
//   npx tsx scripts/gen-country-prefixes.ts <path-to-tsv>
// (a copy of the input is kept in src/isrc/data/isrc-country-prefixes.tsv).
//
// The data is a transcription of the ISRC country prefixes allocated by IFPI
// ("Valid Characters in the ISRC Prefix"), made by a third party, not by IFPI:
//   repo   Tagger-phile/py-iso3901
//   path   iso3901/isrc.py (class Allocation)
//   commit 86e6e9786201b1f45e183c39ff92661e82c8b009
//   date   2025-11-04 (the transcription's DB_DATE)
// Prefixes IFPI allocated after that date are missing until this is regenerated.
//
// TSV header, verbatim:
//   # Source repo: Tagger-phile/py-iso3901, path iso3901/isrc.py (class Allocation), commit 86e6e9786201b1f45e183c39ff92661e82c8b009, DB_DATE 2025-11-04
//   # ISRC country/prefix codes known to IFPI's Valid_Characters list as transcribed by that project. Columns: prefix<TAB>agency-enum<TAB>retired

export const COUNTRY_PREFIX_SOURCE = {
  repo: 'Tagger-phile/py-iso3901',
  path: 'iso3901/isrc.py (class Allocation)',
  commit: '86e6e9786201b1f45e183c39ff92661e82c8b009',
  date: '2025-11-04',
} as const;

/** Prefixes currently allocated (219). */
export const ALLOCATED_PREFIXES: readonly string[] = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AR', 'AT', 'AU', 'AW', 'AZ', 'BA', 'BB',
  'BC', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BK', 'BM', 'BN', 'BO', 'BP', 'BR', 'BS',
  'BT', 'BW', 'BX', 'BY', 'BZ', 'CA', 'CB', 'CD', 'CF', 'CG', 'CH', 'CI', 'CL', 'CM', 'CN',
  'CO', 'CP', 'CR', 'CU', 'CV', 'CW', 'CY', 'CZ', 'DE', 'DG', 'DK', 'DM', 'DO', 'DZ', 'EC',
  'EE', 'EG', 'ES', 'ET', 'FI', 'FJ', 'FO', 'FR', 'FX', 'GA', 'GB', 'GD', 'GE', 'GG', 'GH',
  'GI', 'GL', 'GM', 'GN', 'GQ', 'GR', 'GT', 'GW', 'GX', 'GY', 'HK', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IN', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH',
  'KM', 'KN', 'KR', 'KS', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT',
  'LU', 'LV', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MR',
  'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NE', 'NG', 'NI', 'NL', 'NO', 'NP',
  'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PS', 'PT', 'PY', 'QA', 'QM', 'QN',
  'QT', 'QZ', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SI', 'SK', 'SL',
  'SM', 'SN', 'SO', 'SR', 'SS', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TG', 'TH', 'TL', 'TN',
  'TO', 'TR', 'TT', 'TW', 'TZ', 'UA', 'UG', 'UK', 'US', 'UY', 'UZ', 'VC', 'VE', 'VG', 'VN',
  'VU', 'VV', 'XK', 'YE', 'ZA', 'ZB', 'ZM', 'ZW', 'ZZ',
];

/** Retired prefixes (4): valid on existing codes, not for new allocations. */
export const RETIRED_PREFIXES: readonly string[] = [
  'CS', 'IM', 'PR', 'YU',
];

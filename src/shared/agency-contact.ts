/**
 * How registrants reach the agency: shown in every page's footer and wherever a function is not
 * online yet (the interim route is "contact the agency"). Configured with ISRC_AGENCY_* variables.
 */
export interface AgencyContact {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  /** The agency's DDEX Party Identifier (ISRC_AGENCY_DPID), the sender of its DDEX messages; none until DDEX allocates one. */
  readonly dpid?: string | undefined;
}

/** The reference agency: the ISRC centre of the National Central Library, Taipei (its guide, 2024). */
export const DEFAULT_AGENCY_CONTACT: AgencyContact = Object.freeze({
  name: '國家圖書館 ISRC 管理中心',
  address: '100006 臺北市中正區貴陽街一段 2 號',
  phone: '(02)2361-9132 轉 703',
  email: 'isrc@ncl.edu.tw',
});

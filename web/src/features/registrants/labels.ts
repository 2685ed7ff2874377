export { ACTIVE_STATUSES, REGISTRANT_KINDS } from '../../../../src/shared/enums.js';

/** Same pattern as the API schema (contactFields.phone). */
export const PHONE_PATTERN = /^[0-9+()#\- ]*$/;

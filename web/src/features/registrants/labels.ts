import { REGISTRANT_KINDS } from '../../../../src/registrants/registrants.schemas.js';

export { REGISTRANT_KINDS };

export const ACTIVE_STATUSES = ['active', 'suspended'] as const;

/** Same pattern as the API schema (contactFields.phone). */
export const PHONE_PATTERN = /^[0-9+()#\- ]*$/;

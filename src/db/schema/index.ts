export * from './registrants.js';
export * from './accounts.js';
export * from './allocation.js';
export * from './audit.js';
export * from './catalog.js';
export * from './backoffice.js';
export * from './media.js';
export * from './integration.js';

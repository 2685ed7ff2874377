/**
 * The closed sets of the registry, defined once. The database enums (src/db/schema), the TypeBox
 * schemas (API validation and OpenAPI) and the web app all derive from these arrays, so adding a
 * value is one edit plus a migration. Browser-safe: no imports.
 */

/** Who reports: companies and government bodies hold registrant codes; individuals use the pool. */
export const REGISTRANT_KINDS = ['company', 'individual', 'government'] as const;
export type RegistrantKind = (typeof REGISTRANT_KINDS)[number];

/** Where the album is in review (transitions: src/review/review-state.ts). */
export const REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** 未送存 / 部分送存 / 已送存 (rules: src/review/deposit-state.ts). */
export const DEPOSIT_STATUSES = ['not_deposited', 'partial', 'deposited'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

/**
 * Where a recording's ISRC came from: `system` handed out by the registry (next available, or the
 * agency's pool on submission), `own` typed by a company under its own code, `foreign` an
 * existing code of a recording produced abroad.
 */
export const ISRC_SOURCES = ['system', 'own', 'foreign'] as const;
export type IsrcSource = (typeof ISRC_SOURCES)[number];

/** How a code entered the ledger: taken from the counter, or typed by its registrant. */
export const ASSIGNMENT_SOURCES = ['system', 'manual'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

export const ACTIVE_STATUSES = ['active', 'suspended'] as const;
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

/** Who may log in: agency staff, members of a registrant, and applicants whose application is pending. */
export const USER_ROLES = ['agency_admin', 'agency_officer', 'registrant_member', 'applicant'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The agency's decision on one submission of an album (its history: album_submissions). */
export const REVIEW_DECISIONS = ['approved', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** 登記者代碼申請 and 出版者資料異動申請單 both wait for an officer's decision. */
export const REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A change request may also be withdrawn by its registrant before a decision; it stays on record. */
export const CHANGE_REQUEST_STATUSES = [...REQUEST_STATUSES, 'withdrawn'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** Physical deposit: the registrant declares copies sent, an officer records copies received. */
export const DEPOSIT_EVENT_KINDS = ['sent', 'received'] as const;
export type DepositEventKind = (typeof DEPOSIT_EVENT_KINDS)[number];

/** E-mail copy of a notification: none (no SMTP or no address), waiting, delivered, or given up. */
export const EMAIL_STATUSES = ['none', 'pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Audio containers accepted for 影音檔送存, decided by content and matching the file's extension. */
export const AUDIO_CONTAINERS = ['mp3', 'wav', 'mp4'] as const;
export type AudioContainer = (typeof AUDIO_CONTAINERS)[number];

/** Cover images (專輯封面), decided by content. */
export const COVER_TYPES = ['image/jpeg', 'image/png', 'image/gif'] as const;
export type CoverType = (typeof COVER_TYPES)[number];

/** The outcome of one fixity check of a stored object (a PREMIS "fixity check" event). */
export const FIXITY_OUTCOMES = ['pass', 'fail', 'missing'] as const;
export type FixityOutcome = (typeof FIXITY_OUTCOMES)[number];

/** A fixity run: going on, finished, or stopped by an error (the run's own, not an object's). */
export const FIXITY_RUN_STATUSES = ['running', 'done', 'failed'] as const;
export type FixityRunStatus = (typeof FIXITY_RUN_STATUSES)[number];

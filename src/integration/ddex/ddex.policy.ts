import type { ReviewStatus } from '../../shared/enums.js';

/**
 * Only approved albums are exported: a NewReleaseMessage announces a release with registered ISRCs,
 * and before approval the ISRCs and metadata may still change (or be returned). Who may read the
 * album at all (its own registrant, agency staff) is the catalog's rule (visibleAlbum).
 */
export const canExportDdex = (status: ReviewStatus): boolean => status === 'approved';

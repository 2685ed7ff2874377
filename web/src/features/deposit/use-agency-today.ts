import { useAgency } from '../agency/use-agency';

/** The agency's today as YYYY-MM-DD (the server's clock in the agency's zone, never the browser's). */
export function useAgencyToday(): string {
  const { agencyNow, formatDate } = useAgency();
  return formatDate(agencyNow()).replaceAll('.', '-');
}

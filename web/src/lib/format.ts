function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** The agency's date format: 2026.03.09 (local date). Invalid or missing input gives ''. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return `${date.getFullYear()}.${pad(date.getMonth() + 1)}.${pad(date.getDate())}`;
}

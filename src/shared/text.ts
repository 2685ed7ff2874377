/** Text is stored trimmed and in Unicode NFC, so equal-looking names compare equal. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Applies cleanText to every string property of a flat input object. */
export function cleanFields<T extends object>(input: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    out[key] = typeof value === 'string' ? cleanText(value) : value;
  }
  return out as T;
}

export function pageWindow(page: number | undefined, pageSize: number | undefined): { page: number; pageSize: number; offset: number } {
  const p = Math.max(1, page ?? 1);
  const size = Math.min(100, Math.max(1, pageSize ?? 10));
  return { page: p, pageSize: size, offset: (p - 1) * size };
}

export const LOCALES = ['zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Picks zh-TW (the agency's language) unless the client prefers English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (header === undefined || header === '') {
    return 'zh-TW';
  }
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q.slice(2)) || 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) {
      return 'zh-TW';
    }
    if (tag.startsWith('en')) {
      return 'en';
    }
  }
  return 'zh-TW';
}

/** Replaces `{name}` placeholders; unknown names stay visible so a missing value is noticed. */
export function interpolate(template: string, values: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    return whole;
  });
}

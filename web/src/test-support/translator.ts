import type { TFunction } from 'i18next';

/** `t` over a real locale file for tests: fails loudly on a key that does not exist, fills {{placeholders}}. */
export function translator(tree: unknown): TFunction {
  const t = (key: string, options?: Readonly<Record<string, unknown>>): string => {
    const value = key
      .split('.')
      .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
    if (typeof value !== 'string') {
      throw new Error(`no translation for ${key}`);
    }
    return value.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(options?.[name]));
  };
  return t as unknown as TFunction;
}

import { Type, type Static } from 'typebox';
import { EXPORT_FORMATS } from '../../export/table.js';
import { TEMPLATE_KINDS, TEMPLATE_LANGS } from './columns.js';

/** The import template and the exports written in its format. Browser-safe. */

const Lang = Type.Enum(TEMPLATE_LANGS, { description: 'Heading language: zh-TW (default) or en; both import' });

export const TemplateQuery = Type.Object(
  {
    lang: Type.Optional(Lang),
    kind: Type.Optional(Type.Enum(TEMPLATE_KINDS, { description: 'album (default): one album and its tracks; catalogue: many albums keyed by 專輯代號' })),
  },
  { additionalProperties: false },
);
export type TemplateQuery = Static<typeof TemplateQuery>;

export const AlbumExportQuery = Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false });
export type AlbumExportQuery = Static<typeof AlbumExportQuery>;

export const RecordingsExportQuery = Type.Object(
  { format: Type.Optional(Type.Enum(EXPORT_FORMATS, { description: 'xlsx (default) or csv' })), lang: Type.Optional(Lang) },
  { additionalProperties: false },
);
export type RecordingsExportQuery = Static<typeof RecordingsExportQuery>;

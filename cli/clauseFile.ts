// The clause file `bidforge library add|edit` reads: the same shape as the built-in templates/clauses/*.md — a JSON
// front matter between two "---" lines, then the Markdown + Handlebars body — without what the store decides (id,
// version, status, author). JSON because legal already reads it in templates/ and it needs no new parser.
//
//   ---
//   { "title": "节假日值班承诺", "category": "服务承诺", "docTypes": ["service-plan"],
//     "variables": [{ "key": "duty_phone", "type": "text", "label": "值班电话", "required": true }],
//     "changeNote": "新建" }
//   ---
//   节假日期间安排专人值班，值班电话 {{duty_phone}}。
import { z } from 'zod';
import { DOC_TYPES, whenSchema } from '../core/model/library.js';
import { variableSchema } from '../core/model/variables.js';
import { zodMessage } from '../core/model/zodMessage.js';

const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    category: z.string().trim().min(1).max(200),
    /** add: default ["service-plan"]; edit: left as they are when not given. */
    docTypes: z.array(z.enum(DOC_TYPES)).min(1).optional(),
    tags: z.array(z.string().max(100)).max(50).optional(),
    variant: z.string().trim().min(1).max(100).optional(),
    variables: z.array(variableSchema).max(500).optional(),
    changeNote: z.string().max(1000).optional(),
    when: whenSchema.optional(),
    owner: z.string().max(100).optional(),
    reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
    /** Tolerated so a file printed by `show --file` can be edited and read back; never used to name a new clause. */
    id: z.string().optional(),
  })
  .strict();

export type ClauseFile = z.infer<typeof frontMatterSchema> & { body: string };

/** Why a clause file cannot be read: what is wrong, in the reader's words. */
export class ClauseFileError extends Error {}

export function parseClauseFile(text: string): ClauseFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  if (!m) throw new ClauseFileError('front matter: the file must start with a JSON object between two "---" lines');
  let json: unknown;
  try {
    json = JSON.parse(m[1]!);
  } catch (e) {
    throw new ClauseFileError(`front matter: not valid JSON (${(e as Error).message})`);
  }
  const meta = frontMatterSchema.safeParse(json);
  if (!meta.success) throw new ClauseFileError(`front matter: ${zodMessage(meta.error)}`);
  const body = m[2]!.trim();
  if (!body) throw new ClauseFileError('the body after the front matter is empty');
  return { ...meta.data, body: `${body}\n` };
}

/** A clause variant's latest version written as a clause file (what `show --file` prints, ready for `edit`). */
export function clauseFileText(
  c: { id: string; title: string; category: string; docTypes: string[]; tags: string[] },
  variant: string,
  v: { variables: unknown[]; when?: unknown; body: string },
): string {
  const meta = {
    id: c.id,
    title: c.title,
    category: c.category,
    docTypes: c.docTypes,
    tags: c.tags,
    variant,
    variables: v.variables,
    ...(v.when ? { when: v.when } : {}),
    changeNote: '',
  };
  return `---\n${JSON.stringify(meta, null, 2)}\n---\n${v.body.trimEnd()}\n`;
}

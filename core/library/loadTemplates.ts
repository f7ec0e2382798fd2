// Loads the built-in clause library and blueprints from templates/ (the skeleton's library; the store comes later).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  blueprintSchema,
  clauseMetaSchema,
  type Blueprint,
  type ClauseVersion,
  type Library,
} from '../model/library.js';
import { BidForgeError } from '../model/problem.js';
import { jsonWhere, zodDetail } from '../model/zodDetail.js';

type Params = Record<string, string | number>;
/** A template file refused: the Chinese message names the file, params carry the same for storeText.ts. */
const refused = (code: string, why: string, file: string, reason: string, params: Params = {}) => {
  const message = `${file}：${reason}`;
  return new BidForgeError(code, message, [
    { severity: 'error', code, message, params: { why, file, ...params }, file },
  ]);
};

/** Splits "---\n{json}\n---\nbody" into meta and body. */
export function parseClauseFile(text: string, file: string): ClauseVersion {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  if (!m) throw refused('bad_clause', 'front_matter', file, '条款文件应以两行“---”之间的 JSON 开头');
  let json: unknown;
  try {
    json = JSON.parse(m[1]!);
  } catch (e) {
    const where = jsonWhere(m[1]!, e);
    throw refused('bad_clause', 'front_json', file, `开头的 JSON 无效${where.zh}`, where.params);
  }
  const meta = clauseMetaSchema.safeParse(json, { reportInput: true });
  if (!meta.success) {
    const d = zodDetail(meta.error);
    throw refused('bad_clause', 'fields', file, d.detail, d);
  }
  return { ...meta.data, body: `${m[2]!.trim()}\n` };
}

export function parseBlueprint(json: unknown, file: string): Blueprint {
  const bp = blueprintSchema.safeParse(json, { reportInput: true });
  if (!bp.success) {
    const d = zodDetail(bp.error);
    throw refused('bad_blueprint', 'fields', file, d.detail, d);
  }
  return bp.data;
}

export async function loadTemplates(templatesDir: string): Promise<Library> {
  const clauseDir = join(templatesDir, 'clauses');
  const blueprintDir = join(templatesDir, 'blueprints');
  const clauseFiles = (await readdir(clauseDir)).filter((f) => f.endsWith('.md')).sort();
  const clauses = await Promise.all(
    clauseFiles.map(async (f) => parseClauseFile(await readFile(join(clauseDir, f), 'utf8'), `templates/clauses/${f}`)),
  );
  const blueprintFiles = (await readdir(blueprintDir)).filter((f) => f.endsWith('.json')).sort();
  const blueprints = await Promise.all(
    blueprintFiles.map(async (f) => {
      const file = `templates/blueprints/${f}`;
      let json: unknown;
      const text = await readFile(join(blueprintDir, f), 'utf8');
      try {
        json = JSON.parse(text);
      } catch (e) {
        const where = jsonWhere(text, e);
        throw refused('bad_blueprint', 'json', file, `不是有效的 JSON 文件${where.zh}`, where.params);
      }
      return parseBlueprint(json, file);
    }),
  );
  return { clauses, blueprints };
}

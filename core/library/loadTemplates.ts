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
import { zodMessage } from '../model/zodMessage.js';

/** Splits "---\n{json}\n---\nbody" into meta and body. */
export function parseClauseFile(text: string, file: string): ClauseVersion {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  if (!m)
    throw new BidForgeError(
      'bad_clause',
      `${file}: a clause file starts with a JSON front matter between two "---" lines`,
    );
  let json: unknown;
  try {
    json = JSON.parse(m[1]!);
  } catch (e) {
    throw new BidForgeError('bad_clause', `${file}: front matter is not valid JSON (${(e as Error).message})`);
  }
  const meta = clauseMetaSchema.safeParse(json);
  if (!meta.success) throw new BidForgeError('bad_clause', `${file}: ${zodMessage(meta.error)}`);
  return { ...meta.data, body: `${m[2]!.trim()}\n` };
}

export function parseBlueprint(json: unknown, file: string): Blueprint {
  const bp = blueprintSchema.safeParse(json);
  if (!bp.success) throw new BidForgeError('bad_blueprint', `${file}: ${zodMessage(bp.error)}`);
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
      try {
        json = JSON.parse(await readFile(join(blueprintDir, f), 'utf8'));
      } catch (e) {
        throw new BidForgeError('bad_blueprint', `${file}: not valid JSON (${(e as Error).message})`);
      }
      return parseBlueprint(json, file);
    }),
  );
  return { clauses, blueprints };
}

// One small JSON file in the data folder, read through a zod schema and written atomically.
// A file that fails to parse or validate is renamed aside (never overwritten) and reported once.
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { atomicWrite } from '../fs/atomicWrite.js';
import { fsProblem, fsProblemZh } from '../fs/fsProblem.js';
import { freshName } from '../library/store/engine/files.js';
import { BidForgeError } from '../model/problem.js';
import { jsonWhere, zodDetail } from '../model/zodDetail.js';

/** Something the user should know about a settings file, e.g. that a damaged one was kept aside. Why, in each
 * language: `reason` in Chinese, `reasonEn` in English (the screens show the one of the UI's language). */
export type FileNotice = {
  code: 'settings_corrupt';
  file: string;
  movedAsideAs: string;
  reason: string;
  reasonEn: string;
};

export interface JsonDoc<T> {
  read(): Promise<{ value: T; notices: FileNotice[] }>;
  write(value: T): Promise<void>;
}

export type FileDocOptions = {
  /** A larger file is not read but moved aside and reported, like a damaged one (reading it would stall every call). */
  maxBytes?: number;
  /** Keep what was read while the file's size and time are unchanged (a file read on every keystroke of a search). */
  cache?: boolean;
  /** Readable by its owner only (settings hold the 团队库 token). */
  ownerOnly?: boolean;
};

export function fileDoc<S extends z.ZodType>(
  path: string,
  schema: S,
  clock: () => Date = () => new Date(),
  options: FileDocOptions = {},
): JsonDoc<z.infer<S>> {
  let cached: { stamp: string; value: z.infer<S> } | undefined;
  const stampOf = async () => {
    const st = await stat(path);
    return { size: st.size, stamp: `${st.size}:${st.mtimeMs}:${st.ino}` };
  };
  return {
    async read() {
      let text: string;
      let reason: Reason | null;
      let stamp: string | undefined;
      try {
        const st = await stampOf();
        stamp = st.stamp;
        if (options.cache && cached?.stamp === stamp) return { value: cached.value, notices: [] };
        if (options.maxBytes !== undefined && st.size > options.maxBytes) {
          const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
          text = '';
          reason = {
            zh: `文件过大（${mb(st.size)} MB，上限 ${mb(options.maxBytes)} MB），未读取`,
            en: `the file is too large (${mb(st.size)} MB, the limit is ${mb(options.maxBytes)} MB), so it was not read`,
          };
        } else {
          text = await readFile(path, 'utf8');
          reason = problemOf(text, schema);
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT')
          return { value: schema.parse({}) as z.infer<S>, notices: [] };
        throw e;
      }
      if (reason === null) {
        const value = schema.parse(JSON.parse(text.replace(/^\uFEFF/, ''))) as z.infer<S>;
        if (options.cache && stamp) cached = { stamp, value };
        return { value, notices: [] };
      }
      // Keep the damaged file under a new name so nothing the user had is lost, then start from defaults.
      const name = basename(path).replace(/\.json$/, '');
      const aside = await freshName(dirname(path), `${name}.corrupt-`, clock(), '.json');
      await rename(path, join(dirname(path), aside));
      return {
        value: schema.parse({}) as z.infer<S>,
        notices: [
          {
            code: 'settings_corrupt',
            file: basename(path),
            movedAsideAs: aside,
            reason: reason.zh,
            reasonEn: reason.en,
          },
        ],
      };
    },
    async write(value) {
      const text = `${JSON.stringify(schema.parse(value), null, 2)}\n`;
      try {
        await mkdir(dirname(path), { recursive: true });
        cached = undefined;
        await atomicWrite(path, text, options.ownerOnly ? { mode: 0o600 } : {});
      } catch (e) {
        // A full or read-only disk is the user's to fix: say so, instead of the API's generic "internal" error.
        const reason = fsProblemZh(e);
        const message = `设置未能保存到 ${path}：${reason}；原文件未改动。`;
        throw new BidForgeError('settings_write_failed', message, [
          {
            severity: 'error',
            code: 'settings_write_failed',
            message,
            params: { file: path, reason, reasonEn: fsProblem(e) },
          },
        ]);
      }
    },
  };
}

/** Without a data folder (tests, a throwaway handler set) settings live in memory only. */
export function memoryDoc<S extends z.ZodType>(schema: S): JsonDoc<z.infer<S>> {
  let stored: string | undefined;
  return {
    async read() {
      return { value: schema.parse(stored === undefined ? {} : JSON.parse(stored)) as z.infer<S>, notices: [] };
    },
    async write(value) {
      stored = JSON.stringify(schema.parse(value));
    },
  };
}

type Reason = { zh: string; en: string };

function problemOf(text: string, schema: z.ZodType): Reason | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const where = jsonWhere(text.replace(/^\uFEFF/, ''), e);
    return { zh: `不是有效的 JSON${where.zh}`, en: `it is not valid JSON${where.en}` };
  }
  const r = schema.safeParse(raw);
  if (r.success) return null;
  const { detail, detailEn } = zodDetail(r.error);
  return { zh: detail, en: detailEn };
}

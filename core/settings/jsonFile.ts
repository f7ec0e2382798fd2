// One small JSON file in the data folder, read through a zod schema and written atomically.
// A file that fails to parse or validate is renamed aside (never overwritten) and reported once.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { atomicWrite } from '../fs/atomicWrite.js';
import { fsProblem, fsProblemZh } from '../fs/fsProblem.js';
import { freshName } from '../library/store/engine/files.js';
import { BidForgeError } from '../model/problem.js';
import { zodMessage } from '../model/zodMessage.js';

/** Something the user should know about a settings file, e.g. that a damaged one was kept aside. */
export type FileNotice = { code: 'settings_corrupt'; file: string; movedAsideAs: string; reason: string };

export interface JsonDoc<T> {
  read(): Promise<{ value: T; notices: FileNotice[] }>;
  write(value: T): Promise<void>;
}

export function fileDoc<S extends z.ZodType>(
  path: string,
  schema: S,
  clock: () => Date = () => new Date(),
): JsonDoc<z.infer<S>> {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT')
          return { value: schema.parse({}) as z.infer<S>, notices: [] };
        throw e;
      }
      const reason = problemOf(text, schema);
      if (reason === null)
        return { value: schema.parse(JSON.parse(text.replace(/^\uFEFF/, ''))) as z.infer<S>, notices: [] };
      // Keep the damaged file under a new name so nothing the user had is lost, then start from defaults.
      const name = basename(path).replace(/\.json$/, '');
      const aside = await freshName(dirname(path), `${name}.corrupt-`, clock(), '.json');
      await rename(path, join(dirname(path), aside));
      return {
        value: schema.parse({}) as z.infer<S>,
        notices: [{ code: 'settings_corrupt', file: basename(path), movedAsideAs: aside, reason }],
      };
    },
    async write(value) {
      const text = `${JSON.stringify(schema.parse(value), null, 2)}\n`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await atomicWrite(path, text);
      } catch (e) {
        // A full or read-only disk is the user's to fix: say so, instead of the API's generic "internal" error.
        throw new BidForgeError(
          'settings_write_failed',
          `设置未能保存到 ${path}：${fsProblemZh(e)}；原文件未改动。 (Settings could not be saved to ${path}: ${fsProblem(e)}; the file was left as it was.)`,
        );
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

function problemOf(text: string, schema: z.ZodType): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return `不是有效的 JSON（${(e as Error).message}）`;
  }
  const r = schema.safeParse(raw);
  return r.success ? null : zodMessage(r.error);
}

// Compiled clause templates kept in the user's cache folder, for the CLI: compiling a plan's clause bodies with
// Handlebars is a good part of a cold `bidforge render`, and the bodies seldom change between runs. One file a
// template, named by a hash of Handlebars' version, the compile options and the body, so a changed body is simply
// another file. A file is written aside and renamed (a concurrent reader sees all of it or none), and carries a hash
// of its JavaScript: a damaged or foreign file is ignored and the body compiled again. The output is the same either
// way: a file holds exactly what Handlebars precompiles from that body.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TemplateSpecStore } from './template.js';

/** The user's cache folder for BidForge (the same rule as bin/codeCache.mjs): $BIDFORGE_CACHE_DIR, else the platform's. */
export function userCacheDir(): string {
  if (process.env.BIDFORGE_CACHE_DIR) return process.env.BIDFORGE_CACHE_DIR;
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'bidforge', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'bidforge');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bidforge');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A TemplateSpecStore in `dir` (created on the first write). Failing reads and writes only cost a compile. */
export function templateSpecFolder(dir = join(userCacheDir(), 'templates')): TemplateSpecStore {
  const fileOf = (identity: string, source: string) => join(dir, `${sha256(`${identity}\0${source}`)}.js`);
  return {
    get(identity, source) {
      let text: string;
      try {
        text = readFileSync(fileOf(identity, source), 'utf8');
      } catch {
        return undefined;
      }
      const newline = text.indexOf('\n');
      const spec = text.slice(newline + 1);
      return newline > 0 && text.slice(0, newline) === `// ${sha256(spec)}` ? spec : undefined;
    },
    set(identity, source, spec) {
      const file = fileOf(identity, source);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, `// ${sha256(spec)}\n${spec}`);
        renameSync(tmp, file);
      } catch {
        try {
          unlinkSync(tmp);
        } catch {
          // nothing was written
        }
      }
    },
  };
}

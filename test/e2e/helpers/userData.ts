// What may stay Chinese in the English UI (and English in the Chinese UI): the users' own data — the built-in
// clause library, blueprints, card templates and samples (legal's and the writer's text, never translated) — as
// the strings those files hold.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../../helpers/paths.js';

function strings(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') {
    if (v.trim()) out.add(v.trim());
  } else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

/** Every string in templates/: JSON values, clause front matter, and each line of a clause body. */
export function templateStrings(): string[] {
  const out = new Set<string>();
  for (const f of files(templatesDir)) {
    const text = readFileSync(f, 'utf8');
    if (f.endsWith('.json')) strings(JSON.parse(text), out);
    else if (f.endsWith('.md')) {
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (m) {
        strings(JSON.parse(m[1]!), out);
        for (const line of m[2]!.split('\n')) if (line.trim()) out.add(line.trim());
      }
    }
  }
  // Variable keys (warranty_months) are the program's names for fields, not the users' text: a screen that shows one
  // must fail (clause ids such as cl-commitments are legal's names, shown in 条款库). Longest first, so a label is
  // cut out whole before a shorter string inside it.
  return [...out].filter((s) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(s)).sort((a, b) => b.length - a.length);
}

/** `text` with every data string cut out: what the UI itself says. */
export function withoutData(text: string, data: readonly string[]): string {
  let rest = text;
  for (const s of data) if (rest.includes(s)) rest = rest.split(s).join(' ');
  return rest;
}

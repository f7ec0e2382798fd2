// bidforge update <project.json>: moves a project to the newest approved versions of the clauses it uses (the
// store's pins, as the composer's notice does), gives variables the new versions declare their defaults in the
// file, and reports what the document's checks now find. Exit 0 updated or already current, 1 check errors, 2 bad input.
import { rename, writeFile } from 'node:fs/promises';
import type { ApiHandlers } from '../core/api/contract.js';
import { projectKey } from '../core/api/library.js';
import { problemLine } from '../core/i18n/problemLine.js';
import type { Project } from '../core/model/project.js';
import { fillTemplate, type Lang } from './messages.js';

type Io = { out: (s: string) => void; err: (s: string) => void; lang: Lang };
type Change = { clauseId: string; variant: string; from: number; to: number };

const TEXT = {
  which: {
    zh: 'update：请指定项目文件（bidforge update <project.json>）',
    en: 'update: which project file? (bidforge update <project.json>)',
  },
  current: { zh: '%s：所用条款均为最新的已批准版本', en: '%s: every clause is at its latest approved version' },
  moved: { zh: '条款「%s」（%s）：第%s版 → 第%s版', en: 'clause “%s” (%s): version %s → %s' },
  defaults: {
    zh: '新版本增加的变量已填入默认值：%s',
    en: 'variables added by the new versions got their defaults: %s',
  },
} as const;

const say = (lang: Lang, key: keyof typeof TEXT, ...args: (string | number)[]): string =>
  fillTemplate(TEXT[key][lang], args);

/** Writes the file whole or not at all: a crash never leaves half a project. */
async function writeProject(file: string, project: Project): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(project, null, 2)}\n`);
  await rename(tmp, file);
}

/** `load` reads and validates the file, throwing the CLI's exit-2 error itself. */
export async function updateCommand(
  api: ApiHandlers,
  file: string | undefined,
  opts: { json: boolean },
  io: Io,
  load: (file: string) => Promise<Project>,
): Promise<number> {
  if (!file) {
    io.err(say(io.lang, 'which'));
    return 2;
  }
  const project = await load(file);
  const outdated = await api.projectOutdatedPins({ project });
  const changes: Change[] = outdated.length
    ? await api.projectUpdatePins({ projectId: projectKey(project), which: 'all' })
    : [];
  const titles = new Map(outdated.map((o) => [`${o.clauseId}/${o.variant}`, o.title]));

  // Variables the new versions declare and the file lacks get their declared defaults, as in the composer.
  const { fields } = await api.describeProject({ project });
  const added = fields.filter((f) => f.default !== undefined && !Object.hasOwn(project.values, f.key));
  const updated: Project = added.length
    ? { ...project, values: { ...project.values, ...Object.fromEntries(added.map((f) => [f.key, f.default])) } }
    : project;
  // The file keeps the project's id from now on (a file without one has it derived from its text), so the store's
  // pins still find the project after the text changes.
  if (added.length || changes.length) await writeProject(file, updated);
  const { problems } = await api.checkProject({ project: updated });

  if (opts.json)
    io.out(JSON.stringify({ file, updated: changes, defaults: added.map((f) => f.key), problems }, null, 2));
  else {
    if (!changes.length) io.out(say(io.lang, 'current', file));
    for (const c of changes)
      io.out(say(io.lang, 'moved', titles.get(`${c.clauseId}/${c.variant}`) ?? c.clauseId, c.variant, c.from, c.to));
    if (added.length) io.out(say(io.lang, 'defaults', added.map((f) => f.label).join(io.lang === 'zh' ? '、' : ', ')));
    for (const p of problems) io.out(problemLine({ ...p, file }, io.lang === 'en' ? 'en' : 'zh-CN'));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

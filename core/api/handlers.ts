// The API implemented once, for every shell. Dependencies (templates folder) are injected: no hidden globals.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { blueprintOf, clausesOf } from '../assemble/assemble.js';
import { assembleAndCheck } from '../check/rules.js';
import { exportDocx } from '../export/docx.js';
import { missingGlyphs } from '../export/glyphs.js';
import { exportPdf } from '../export/pdf.js';
import { loadTemplates } from '../library/loadTemplates.js';
import type { Library } from '../model/library.js';
import { BidForgeError, formatProblem } from '../model/problem.js';
import { parseProject, parseProjectText } from '../project/parse.js';
import { collectDeclarations, defaultValues } from '../assemble/values.js';
import { ApiError, type ApiHandlers, type VariableField } from './contract.js';

export type HandlerDeps = { templatesDir: string; today?: () => string };

const isoToday = () => new Date().toISOString().slice(0, 10);

export function createHandlers(options: HandlerDeps): ApiHandlers {
  const deps = { today: isoToday, ...options };
  let library: Promise<Library> | undefined;
  const lib = () => (library ??= loadTemplates(deps.templatesDir));
  const samplesDir = join(deps.templatesDir, 'samples');

  return {
    async listBlueprints() {
      return (await lib()).blueprints.map((b) => ({ id: b.id, title: b.title, docType: b.docType }));
    },
    async listSamples() {
      const files = (await readdir(samplesDir)).filter((f) => f.endsWith('.json')).sort();
      return Promise.all(
        files.map(async (f) => {
          const p = parseProjectText(await readFile(join(samplesDir, f), 'utf8'), `templates/samples/${f}`);
          return { name: f.replace(/\.json$/, ''), title: p.title, blueprint: p.blueprint };
        }),
      );
    },
    async listClauses() {
      return (await lib()).clauses.map((c) => ({ id: c.id, variant: c.variant, title: c.title, category: c.category, version: c.version, status: c.status, docTypes: c.docTypes }));
    },
    async newProject({ blueprint, name, title, date }) {
      const l = await lib();
      const bp = l.blueprints.find((b) => b.id === blueprint);
      if (!bp) throw new ApiError('unknown_blueprint', `没有名为 ${blueprint} 的蓝本（可用：${l.blueprints.map((b) => b.id).join('、')}）`);
      const decls = collectDeclarations(clausesOf(bp, l).flatMap((s) => s.clauses), []);
      const project = parseProject(
        { schema: 1, name: name ?? blueprint, title: title ?? bp.title, blueprint, date: date ?? deps.today(), values: defaultValues(decls) },
        `new ${blueprint} project`,
      );
      return { project };
    },
    async openSample({ name }) {
      if (!/^[\w-]+$/.test(name)) throw new ApiError('bad_request', `no sample named ${name}`);
      const text = await readFile(join(samplesDir, `${name}.json`), 'utf8').catch(() => {
        throw new ApiError('not_found', `no sample named ${name}`);
      });
      return { project: parseProjectText(text, `templates/samples/${name}.json`) };
    },
    async parseProject({ text, fileName }) {
      return { project: parseProjectText(text, fileName) };
    },
    async describeProject({ project }) {
      const l = await lib();
      const bp = blueprintOf(project, l);
      if (!bp) throw new ApiError('unknown_blueprint', `没有名为 ${project.blueprint} 的蓝本`);
      const seen = new Set<string>();
      const fields: VariableField[] = [];
      for (const s of clausesOf(bp, l))
        for (const c of s.clauses)
          for (const v of c.variables)
            if (!seen.has(v.key)) {
              seen.add(v.key);
              fields.push({ ...v, section: s.title });
            }
      return { fields };
    },
    async preview({ project }) {
      const { document, problems } = assembleAndCheck(project, await lib());
      return { document, problems: [...problems, ...missingGlyphs(document)] };
    },
    async exportDocument({ project, format }) {
      const assembled = assembleAndCheck(project, await lib());
      const document = assembled.document;
      const problems = [...assembled.problems, ...(format === 'pdf' ? missingGlyphs(document) : [])];
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new ApiError('check_failed', `导出前检查发现 ${errors.length} 个错误：${errors.map(formatProblem).join('；')}`, errors);
      const bytes = format === 'docx' ? await exportDocx(document) : await exportPdf(document);
      return { fileName: `${project.name}.${format}`, bytes, problems };
    },
  };
}

/** Turns anything thrown into the body that crosses the boundary. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof BidForgeError) return new ApiError(e.code, e.message, e.problems.length ? e.problems : undefined);
  return new ApiError('internal', e instanceof Error ? e.message : String(e));
}

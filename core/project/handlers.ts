// The composer's handlers (their contract is core/project/contract.ts): blueprints, samples, new/open/parse a project,
// its fields, checks, preview, export, outline and the tender's requirements. The clause library, the store and the
// settings are given by core/api/handlers.ts, which builds them once for every feature.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../api/envelope.js';
import { clausesOf } from '../assemble/assemble.js';
import { effectiveBlueprint, outlineView } from '../assemble/projectOutline.js';
import { packageBlueprints } from '../assemble/shared.js';
import { collectDeclarations, mergedLater, newProjectValues } from '../assemble/values.js';
import { newerVersionProblems } from '../check/newerVersions.js';
import { assembleAndCheck } from '../check/rules.js';
import { recognizeRequirements } from '../deviation/recognize.js';
import { exportDocx } from '../export/docx.js';
import { missingGlyphs } from '../export/glyphs.js';
import { exportPdf } from '../export/pdf.js';
import { errorText } from '../i18n/errorText.js';
import { projectKey } from '../library/contract.js';
import type { StoreAccess } from '../library/storeAccess.js';
import type { Document, PageNumbering } from '../model/document.js';
import type { Library } from '../model/library.js';
import { formatProblem, type Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import type { VariableDecl } from '../model/variables.js';
import { documentOf } from '../package/documents.js';
import { combinedPackage, PACKAGE_TITLE } from '../package/combine.js';
import { checkProject } from '../package/index.js';
import { fillFromProfile } from '../settings/profile.js';
import type { SettingsStore } from '../settings/store.js';
import type { ProjectHandlers, VariableField } from './contract.js';
import { projectFileStem, safeFileName } from './fileName.js';
import { withProjectId } from './identity.js';
import { parseProject, parseProjectText } from './parse.js';

export type ProjectDeps = {
  templatesDir: string;
  today: () => string;
  /** The clauses and blueprints a project is assembled from: the store's, with the project's pins, or the templates. */
  library(project?: Project): Promise<Library>;
  /** The clause store when there is a data folder: exports record their pins, checks report newer versions. */
  access: StoreAccess | null;
  /** 设置: the company profile a new project starts with, the logo on the cover. */
  settings: SettingsStore;
};

export function createProjectHandlers(deps: ProjectDeps): ProjectHandlers {
  const { access, settings } = deps;
  const lib = (project?: Project) => deps.library(project);
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
          const documents = p.documents && p.documents.length > 1 ? { documents: p.documents } : {};
          return { name: f.replace(/\.json$/, ''), title: p.title, blueprint: p.blueprint, ...documents };
        }),
      );
    },
    async listClauses() {
      return (await lib()).clauses.map((c) => ({
        id: c.id,
        variant: c.variant,
        title: c.title,
        category: c.category,
        version: c.version,
        status: c.status,
        docTypes: c.docTypes,
      }));
    },
    async newProject({ blueprint, name, title, date }) {
      const l = await lib();
      const bp = l.blueprints.find((b) => b.id === blueprint);
      if (!bp)
        throw new ApiError(
          'unknown_blueprint',
          `没有名为 ${blueprint} 的蓝本（可用：${l.blueprints.map((b) => b.id).join('、')}）`,
          { blueprint, available: l.blueprints.map((b) => b.id).join(', ') },
        );
      const decls = collectDeclarations(
        clausesOf(bp, l).flatMap((s) => s.clauses),
        [],
      );
      // Named after its title (Chinese allowed), never after its blueprint: two new plans never share a file name.
      const t = title ?? bp.title;
      const project = parseProject(
        {
          schema: 1,
          id: randomUUID(),
          name: name ?? projectFileStem({ title: t }, bp.title),
          title: t,
          blueprint,
          date: date ?? deps.today(),
          // No figure nobody typed: a figure's default is a suggestion in the form, and `check` asks for it.
          values: newProjectValues(decls),
        },
        `new ${blueprint} project`,
      );
      // A new project starts with 设置's company profile and default script.
      return { project: await withProfile(project, decls, settings) };
    },
    async openSample({ name }) {
      if (!/^[\w-]+$/.test(name)) throw new ApiError('bad_request', `no sample named ${name}`);
      const text = await readFile(join(samplesDir, `${name}.json`), 'utf8').catch(() => {
        throw new ApiError('not_found', `no sample named ${name}`);
      });
      // An opened sample is a new project of the user's: an id of its own, so it never replaces another in 最近项目.
      return { project: { ...parseProjectText(text, `templates/samples/${name}.json`), id: randomUUID() } };
    },
    async parseProject({ text, fileName }) {
      // A file from before ids gets one from its text (the same file opens with the same id); saving writes it.
      return { project: withProjectId(parseProjectText(text, fileName), text) };
    },
    async describeProject({ project }) {
      const l = await lib(project);
      // The writer's outline, and every document of a bid package (a key shared by two documents is typed once)
      const ids = packageBlueprints(project);
      const seen = new Map<string, VariableField>();
      const fields: VariableField[] = [];
      for (const id of ids) {
        const bp = effectiveBlueprint(project, l, id);
        if (!bp) throw new ApiError('unknown_blueprint', `没有名为 ${id} 的蓝本`, { blueprint: id });
        for (const s of clausesOf(bp, l))
          for (const c of s.clauses)
            for (const v of c.variables) {
              const first = seen.get(v.key);
              if (!first) {
                const field = { ...v, section: ids.length > 1 ? `${bp.title} · ${s.title}` : s.title };
                seen.set(v.key, field);
                fields.push(field);
              } else Object.assign(first, mergedLater(first, v));
            }
      }
      return { fields };
    },
    async preview({ project: given, document: id }) {
      const project = parsed(given);
      const l = await lib(project);
      const p = packageDocument(project, id);
      const assembled = assembleAndCheck(p, l);
      const { document, problems } = assembled;
      // The 偏离表 rows as assembly computed them for the table and the checks: once per preview.
      return { document, problems: [...problems, ...missingGlyphs(document)], deviations: assembled.deviations ?? [] };
    },
    async checkProject({ project: given }) {
      const project = parsed(given);
      // Every document of a bid package, not just the main one: what `bidforge check` and `render` report.
      const problems = checkProject(project, await lib(project));
      // Newer approved versions of its pinned clauses are reported, never silent (core/check/newerVersions.ts).
      const key = projectKey(project);
      const outdated = access
        ? await access.read(async (s) => ((await s.getProject(key)) ? s.outdatedPins(key) : []))
        : [];
      return { problems: [...problems, ...newerVersionProblems(outdated)] };
    },
    async exportDocument({ project: given, format, document: id, combined }) {
      const whole = parsed(given);
      if (combined) return exportCombined(whole, format, combined.pageNumbers);
      const project = packageDocument(whole, id);
      const assembled = assembleAndCheck(project, await lib(project));
      // The company's logo (设置) goes on the cover.
      const logo = logoOf((await settings.get()).settings.company.logo);
      const document = logo
        ? { ...assembled.document, meta: { ...assembled.document.meta, logo } }
        : assembled.document;
      const problems = [...assembled.problems, ...(format === 'pdf' ? missingGlyphs(document) : [])];
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length)
        throw new ApiError(
          'check_failed',
          `导出前检查发现 ${errors.length} 个错误：${errors.map(formatProblem).join('；')}`,
          { problems: errors },
        );
      const bytes = format === 'docx' ? await exportDocx(document) : await exportPdf(document);
      // The export pins the versions it used, so where-used and "newer version available" know this project.
      const pinProblem = await recordPins(project, assembled.sections);
      return {
        fileName: `${await exportStem(whole, project)}.${format}`,
        bytes,
        problems: pinProblem ? [...problems, pinProblem] : problems,
      };
    },
    async describeOutline({ project, document: id }) {
      const p = packageDocument(project, id);
      const view = outlineView(p, await lib(p), p.blueprint);
      if (!view) throw new ApiError('unknown_blueprint', `没有名为 ${p.blueprint} 的蓝本`, { blueprint: p.blueprint });
      return { blueprint: p.blueprint, ...view };
    },
    async recognizeRequirements({ text }) {
      return { proposals: recognizeRequirements(text) };
    },
  };

  /** A bid package as one file (core/package/combine.ts), named 某医院项目-投标文件.pdf; checked and pinned as a whole. */
  async function exportCombined(whole: Project, format: 'docx' | 'pdf', pageNumbers: PageNumbering) {
    const combined = combinedPackage(whole, await lib(whole), pageNumbers, format);
    const errors = combined.problems.filter((p) => p.severity === 'error');
    if (errors.length)
      throw new ApiError(
        'check_failed',
        `导出前检查发现 ${errors.length} 个错误：${errors.map(formatProblem).join('；')}`,
        {
          problems: errors,
        },
      );
    const logo = logoOf((await settings.get()).settings.company.logo);
    const pkg = logo ? { ...combined.package, meta: { ...combined.package.meta, logo } } : combined.package;
    const bytes = format === 'docx' ? await exportDocx(pkg) : await exportPdf(pkg);
    const pinProblem = await recordPins(whole, combined.sections);
    return {
      // Named as the package's other files are (from the project's title and the blueprints' titles, as written).
      fileName: `${await exportStem(whole, whole)}-${PACKAGE_TITLE.hans}.${format}`,
      bytes,
      problems: pinProblem ? [...combined.problems, pinProblem] : combined.problems,
    };
  }

  /**
   * Exports are named after the project's title; a package's other documents add their own title
   * (某医院项目-售后服务承诺书.docx), so they never overwrite the main one.
   */
  async function exportStem(whole: Project, doc: Project): Promise<string> {
    const titleOf = async (id: string) => (await lib(doc)).blueprints.find((b) => b.id === id)?.title ?? id;
    const stem = projectFileStem(whole, await titleOf(whole.blueprint));
    return doc.blueprint === whole.blueprint
      ? stem
      : `${stem}-${safeFileName(await titleOf(doc.blueprint)) || doc.blueprint}`;
  }

  async function recordPins(
    project: Project,
    sections: { clauses: { id: string; variant: string; version: number }[] }[],
  ): Promise<Problem | undefined> {
    if (!access) return undefined;
    const pins = sections.flatMap((s) =>
      s.clauses.map((c) => ({ clauseId: c.id, variant: c.variant, version: c.version })),
    );
    try {
      await access.write((s) =>
        s.recordProject({ projectId: projectKey(project), name: project.title || project.name, pins }),
      );
      return undefined;
    } catch (e) {
      // The document is fine; only the record of its pins is missing (e.g. the CLI held the store): say so, don't fail.
      // The reason in each language: a store refusal's message is Chinese, its English is worded by its code.
      const reason = errorText(e, 'zh-CN');
      return {
        severity: 'warning',
        code: 'pins_not_recorded',
        message: `条款版本未记入条款库：${reason}`,
        params: { reason, reasonEn: errorText(e, 'en') },
      };
    }
  }
}

/** A data URL from the settings as the Document's cover logo. */
export function logoOf(dataUrl: string | undefined): Document['meta']['logo'] {
  const m = dataUrl ? /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl) : null;
  return m ? { type: m[1] === 'png' ? 'png' : 'jpg', base64: m[2]! } : undefined;
}

/**
 * The project as the request schema gives it. The transports parse every request, but a caller in the same process
 * may hand over a project file's JSON as it is: its facts then lack `offered`, whose default (true) only the parse
 * applies, and every fact would read as not offered. Such a project is parsed here; a parsed one is used as it is.
 */
function parsed(project: Project): Project {
  return project.commitments?.some((c) => typeof c.offered !== 'boolean') ? parseProject(project, 'project') : project;
}

/** composer: one document of a bid package, or a clear error when the project has no such document. */
function packageDocument(project: Project, document: string | undefined): Project {
  const p = documentOf(project, document);
  if (!p)
    throw new ApiError(
      'unknown_document',
      `项目中没有文件 ${document ?? ''}（可用：${packageBlueprints(project).join('、')}）`,
      { document: document ?? '', available: packageBlueprints(project).join(', ') },
    );
  return p;
}

/** A new project with the company profile filled in and the user's default script. */
async function withProfile(
  project: Project,
  decls: ReadonlyMap<string, VariableDecl>,
  store: SettingsStore,
): Promise<Project> {
  const { settings } = await store.get();
  return { ...fillFromProfile(project, decls, settings.company), script: settings.defaultScript };
}

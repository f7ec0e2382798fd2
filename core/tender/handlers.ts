// The tender channels' implementation: decode a file and read it (core/tender/read.ts); self-check a project against
// its stored tender (core/tender/selfCheckProject.ts) and write the report as XLSX.
import type { Library } from '../model/library.js';
import type { Project } from '../model/project.js';
import { safeFileName } from '../project/fileName.js';
import type { TenderHandlers } from './contract.js';
import { readTender } from './read.js';
import { projectSelfCheck } from './selfCheckProject.js';
import { selfCheckXlsx } from './selfCheckXlsx.js';

export type TenderDeps = {
  /** The clauses and blueprints a project is assembled from (as its export would be). */
  library(project?: Project): Promise<Library>;
};

export function createTenderHandlers(deps: TenderDeps): TenderHandlers {
  return {
    async readTender({ fileName, data }) {
      return readTender(new Uint8Array(Buffer.from(data, 'base64')), fileName);
    },
    async tenderSelfCheck({ project }) {
      return { rows: projectSelfCheck(project, await deps.library(project)) };
    },
    async exportTenderSelfCheck({ project, lang = 'zh' }) {
      const rows = projectSelfCheck(project, await deps.library(project));
      const bytes = await selfCheckXlsx(rows, {
        title: project.title,
        ...(project.tender ? { tender: project.tender } : {}),
        lang,
      });
      const name = lang === 'zh' ? '投标自查表' : 'self-check';
      return { fileName: `${safeFileName(`${project.title}-${name}`)}.xlsx`, bytes };
    },
  };
}

// A bid package as one file: every document of the package in the order the project lists them (the order the
// tender's 目录 asks for), behind one cover and one 目录, each starting on a new page under its own title. The
// exporters (core/export) lay it out; page numbers run on through the parts or start again in each (a choice).
import { missingGlyphs } from '../export/glyphs.js';
import type { Document, DocumentPackage, PageNumbering } from '../model/document.js';
import type { Library } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import { assemblePackage, packageProblems } from './assemblePackage.js';

/** What the package's cover calls the whole, in the document's script. */
export const PACKAGE_TITLE = { hans: '投标文件', hant: '投標文件' } as const;

/** The documents as one package: the cover from the first document's project details, a draft if any part is. */
export function combineDocuments(documents: Document[], pageNumbers: PageNumbering): DocumentPackage {
  const first = documents[0];
  if (!first) throw new Error('a bid package needs at least one document');
  const { logo: _logo, ...meta } = first.meta;
  return {
    meta: {
      ...meta,
      projectName: PACKAGE_TITLE[first.meta.script ?? 'hans'],
      docType: 'bid-package',
      layout: 'report',
      draft: documents.some((d) => d.meta.draft),
    },
    parts: documents,
    pageNumbers,
  };
}

export type CombinedPackage = {
  package: DocumentPackage;
  /** Every problem of every document (tagged with its blueprint) and of the package; for a PDF, missing glyphs too. */
  problems: Problem[];
  /** The clause versions each document used, for the library's record of pins. */
  sections: { clauses: { id: string; variant: string; version: number }[] }[];
};

/** A project's bid package assembled and checked as one file (a project of one document: that document alone). */
export function combinedPackage(
  project: Project,
  lib: Library,
  pageNumbers: PageNumbering,
  format: 'docx' | 'pdf',
): CombinedPackage {
  const assembled = assemblePackage(project, lib);
  const documents = assembled.documents.map((d) => d.document);
  const glyphs =
    format === 'pdf'
      ? assembled.documents.flatMap((d) => missingGlyphs(d.document).map((p) => ({ ...p, file: d.blueprint })))
      : [];
  return {
    package: combineDocuments(documents, pageNumbers),
    problems: [...packageProblems(assembled), ...glyphs],
    sections: assembled.documents.flatMap((d) => d.assembly.sections),
  };
}

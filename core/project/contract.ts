// The composer's channels (projects: new, open, parse, describe, check, preview, export; the outline and the 偏离表's
// requirements): request schemas and result types. Node-free (zod and types only), so the renderer's screens import
// it; the handlers are core/project/handlers.ts, and core/api/contract.ts combines them with the other features'.
import { z } from 'zod';
import type { OutlineSectionView, ProjectOutlineSection } from '../assemble/projectOutline.js';
import type { DeviationRow } from '../deviation/compute.js';
import type { RequirementProposal } from '../deviation/recognize.js';
import { PAGE_NUMBERING, type Document } from '../model/document.js';
import type { Problem } from '../model/problem.js';
import { projectSchema, type Project } from '../model/project.js';
import { isValidIsoDate, type VariableDecl } from '../model/variables.js';

/** One document of a bid package: a blueprint id in project.documents (default: the main one). */
const documentId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .max(100);

export const projectRequestSchemas = {
  listBlueprints: z.object({}),
  listSamples: z.object({}),
  listClauses: z.object({}),
  newProject: z.object({
    blueprint: z.string().min(1).max(100),
    name: z.string().max(100).optional(),
    title: z.string().max(200).optional(),
    date: z.string().refine(isValidIsoDate, 'a real calendar date like 2026-11-24').optional(),
  }),
  openSample: z.object({ name: z.string().min(1).max(100) }),
  parseProject: z.object({ text: z.string().max(20_000_000), fileName: z.string().max(500) }),
  describeProject: z.object({ project: projectSchema }),
  /** composer/CLI: the checks of every document of a bid package (of the one document otherwise). */
  checkProject: z.object({ project: projectSchema }),
  preview: z.object({ project: projectSchema, document: documentId.optional() }),
  exportDocument: z.object({
    project: projectSchema,
    format: z.enum(['docx', 'pdf']),
    document: documentId.optional(),
    /** Every document of a bid package in one file (one cover, one 目录): its pages numbered on, or per part. */
    combined: z.object({ pageNumbers: z.enum(PAGE_NUMBERING) }).optional(),
  }),
  describeOutline: z.object({ project: projectSchema, document: documentId.optional() }),
  recognizeRequirements: z.object({ text: z.string().min(1).max(200_000) }),
} as const;

/** A value the project's documents ask for, with the section that asks first. */
export type VariableField = VariableDecl & { section: string };
export type OutlineView = {
  blueprint: string;
  sections: OutlineSectionView[];
  custom: boolean;
  defaults: ProjectOutlineSection[];
};
/** One clause of the library the composer assembles from (its latest approved version, or the project's pin). */
export type ClauseChoice = {
  id: string;
  variant: string;
  title: string;
  category: string;
  version: number;
  status: string;
  docTypes: string[];
};

type Req<C extends keyof typeof projectRequestSchemas> = z.infer<(typeof projectRequestSchemas)[C]>;
export type ProjectHandlers = {
  listBlueprints(req: Req<'listBlueprints'>): Promise<{ id: string; title: string; docType: string }[]>;
  /** `documents`: a bid package's blueprints, when the sample is one. */
  listSamples(
    req: Req<'listSamples'>,
  ): Promise<{ name: string; title: string; blueprint: string; documents?: string[] }[]>;
  listClauses(req: Req<'listClauses'>): Promise<ClauseChoice[]>;
  newProject(req: Req<'newProject'>): Promise<{ project: Project }>;
  openSample(req: Req<'openSample'>): Promise<{ project: Project }>;
  parseProject(req: Req<'parseProject'>): Promise<{ project: Project }>;
  describeProject(req: Req<'describeProject'>): Promise<{ fields: VariableField[] }>;
  /** composer: `deviations` are the 偏离表 rows as computed from the project's requirements (empty without any). */
  preview(req: Req<'preview'>): Promise<{ document: Document; problems: Problem[]; deviations: DeviationRow[] }>;
  /** Every problem of the project; a package's are tagged with their document's blueprint (`file`). */
  checkProject(req: Req<'checkProject'>): Promise<{ problems: Problem[] }>;
  exportDocument(req: Req<'exportDocument'>): Promise<{ fileName: string; bytes: Uint8Array; problems: Problem[] }>;
  describeOutline(req: Req<'describeOutline'>): Promise<OutlineView>;
  recognizeRequirements(req: Req<'recognizeRequirements'>): Promise<{ proposals: RequirementProposal[] }>;
};

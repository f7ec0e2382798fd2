// The one typed API shared by the Electron preload, the HTTP host and the CLI: channel → request → response.
// Each feature owns its part (schemas, result types, handlers beside its code); this module only combines them, and
// the channel list (core/api/channels.ts) is derived from the combined schemas.
import { z } from 'zod';
import type { Document } from '../model/document.js';
import type { Problem } from '../model/problem.js';
import { projectSchema, type Project } from '../model/project.js';
import { isValidIsoDate, type VariableDecl } from '../model/variables.js';
// composer
import type { OutlineSectionView, ProjectOutlineSection } from '../assemble/projectOutline.js';
import type { DeviationRow } from '../deviation/compute.js';
import type { RequirementProposal } from '../deviation/recognize.js';
// library
import { libraryRequestSchemas, type LibraryHandlers } from '../library/contract.js';
// cards, settings, home
import { settingsRequestSchemas, type SettingsHandlers } from '../settings/contract.js';
import { cardsRequestSchemas, type CardsHandlers } from '../cards/contract.js';
// tender: reading a tender's DOCX or PDF
import { tenderRequestSchemas, type TenderHandlers } from '../tender/contract.js';
import { combine, type Overlap } from './combine.js';

// composer
const documentId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .max(100);

const projectRequestSchemas = {
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
  // composer: `document` picks one document of a bid package (a blueprint id in project.documents); default the main one
  preview: z.object({ project: projectSchema, document: documentId.optional() }),
  exportDocument: z.object({
    project: projectSchema,
    format: z.enum(['docx', 'pdf']),
    document: documentId.optional(),
  }),
  describeOutline: z.object({ project: projectSchema, document: documentId.optional() }),
  recognizeRequirements: z.object({ text: z.string().min(1).max(200_000) }),
} as const;

export type VariableField = VariableDecl & { section: string };
// composer
export type OutlineView = {
  blueprint: string;
  sections: OutlineSectionView[];
  custom: boolean;
  defaults: ProjectOutlineSection[];
};
export type ClauseSummary = {
  id: string;
  variant: string;
  title: string;
  category: string;
  version: number;
  status: string;
  docTypes: string[];
};

type ProjectHandlers = {
  listBlueprints(
    req: z.infer<(typeof projectRequestSchemas)['listBlueprints']>,
  ): Promise<{ id: string; title: string; docType: string }[]>;
  listSamples(
    req: z.infer<(typeof projectRequestSchemas)['listSamples']>,
  ): Promise<{ name: string; title: string; blueprint: string }[]>;
  listClauses(req: z.infer<(typeof projectRequestSchemas)['listClauses']>): Promise<ClauseSummary[]>;
  newProject(req: z.infer<(typeof projectRequestSchemas)['newProject']>): Promise<{ project: Project }>;
  openSample(req: z.infer<(typeof projectRequestSchemas)['openSample']>): Promise<{ project: Project }>;
  parseProject(req: z.infer<(typeof projectRequestSchemas)['parseProject']>): Promise<{ project: Project }>;
  describeProject(
    req: z.infer<(typeof projectRequestSchemas)['describeProject']>,
  ): Promise<{ fields: VariableField[] }>;
  /** composer: `deviations` are the 偏离表 rows as computed from the project's requirements (empty without any). */
  preview(
    req: z.infer<(typeof projectRequestSchemas)['preview']>,
  ): Promise<{ document: Document; problems: Problem[]; deviations: DeviationRow[] }>;
  /** Every problem of the project; a package's are tagged with their document's blueprint (`file`). */
  checkProject(req: z.infer<(typeof projectRequestSchemas)['checkProject']>): Promise<{ problems: Problem[] }>;
  exportDocument(
    req: z.infer<(typeof projectRequestSchemas)['exportDocument']>,
  ): Promise<{ fileName: string; bytes: Uint8Array; problems: Problem[] }>;
  // composer
  describeOutline(req: z.infer<(typeof projectRequestSchemas)['describeOutline']>): Promise<OutlineView>;
  recognizeRequirements(
    req: z.infer<(typeof projectRequestSchemas)['recognizeRequirements']>,
  ): Promise<{ proposals: RequirementProposal[] }>;
};

/** Every channel's request schema, feature by feature; combine() refuses a channel name two features declare. */
const parts = [
  projectRequestSchemas,
  libraryRequestSchemas,
  settingsRequestSchemas,
  cardsRequestSchemas,
  tenderRequestSchemas,
] as const;
export const requestSchemas = combine(...parts);

export type ApiHandlers = ProjectHandlers & LibraryHandlers & SettingsHandlers & CardsHandlers & TenderHandlers;
export type Channel = keyof ApiHandlers;

// Compile-time checks: no channel in two features, and every channel has both a schema and a handler type.
type Checked<T> = [T] extends [never] ? true : never;
export const contractChecks: Checked<Overlap<typeof parts>> &
  Checked<Exclude<keyof typeof requestSchemas, Channel>> &
  Checked<Exclude<Channel, keyof typeof requestSchemas>> = true;

export type ApiRequest<C extends Channel> = Parameters<ApiHandlers[C]>[0];
export type ApiResponse<C extends Channel> = Awaited<ReturnType<ApiHandlers[C]>>;

// The envelope and the error shape every transport carries (core/api/envelope.ts); the channel list is in channels.ts.
export { ApiError, type ApiErrorBody, type ApiErrorParams, type Envelope } from './envelope.js';

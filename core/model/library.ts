// Clauses (one version each, as the skeleton loads them) and blueprints.
import { z } from 'zod';
import { variableSchema } from './variables.js';

export const DOC_TYPES = ['service-plan', 'install-agreement', 'commitment-letter', 'warranty-card'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const CLAUSE_STATUSES = ['draft', 'in_review', 'approved', 'retired'] as const;

export const clauseMetaSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'clause ids are lower-kebab-case'),
  category: z.string().min(1),
  title: z.string().min(1),
  tags: z.array(z.string()).default([]),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1),
  variant: z.string().min(1).default('标准'),
  version: z.number().int().positive(),
  status: z.enum(CLAUSE_STATUSES),
  author: z.string().default(''),
  changeNote: z.string().default(''),
  variables: z.array(variableSchema).default([]),
});
export type ClauseMeta = z.infer<typeof clauseMetaSchema>;
export type ClauseVersion = ClauseMeta & { body: string };

export const blueprintSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  docType: z.enum(DOC_TYPES),
  title: z.string().min(1),
  sections: z
    .array(
      z.object({
        title: z.string().min(1),
        clauses: z.array(z.object({ id: z.string(), variant: z.string().default('标准') })).min(1),
      }),
    )
    .min(1),
  signature: z
    .object({ parties: z.array(z.object({ role: z.string(), lines: z.array(z.string()) })).min(1) })
    .optional(),
});
export type Blueprint = z.infer<typeof blueprintSchema>;

export type Library = {
  clauses: ClauseVersion[];
  blueprints: Blueprint[];
};

export function findClause(lib: Library, id: string, variant: string): ClauseVersion | undefined {
  const candidates = lib.clauses.filter((c) => c.id === id && c.variant === variant && c.status !== 'retired');
  return candidates.sort((a, b) => b.version - a.version)[0];
}

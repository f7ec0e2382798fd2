// Small in-memory libraries and projects for focused assembly tests.
import { assemble, type Assembly } from '@core/assemble/assemble.js';
import type { Block } from '@core/model/document.js';
import type { Blueprint, ClauseVersion, Library } from '@core/model/library.js';
import type { Project } from '@core/model/project.js';
import type { VariableDecl } from '@core/model/variables.js';

export type Decl = Omit<VariableDecl, 'required'> & { required?: boolean };

export function clause(
  id: string,
  body: string,
  variables: Decl[] = [],
  extra: Partial<ClauseVersion> = {},
): ClauseVersion {
  return {
    id,
    category: '测试',
    title: id,
    tags: [],
    docTypes: ['service-plan'],
    variant: '标准',
    version: 1,
    status: 'approved',
    author: '',
    changeNote: '',
    variables: variables.map((v) => ({ required: true, ...v })),
    body,
    ...extra,
  };
}

/** A library with one blueprint "bp" whose sections hold the given clauses, in order. */
export function library(
  sections: { title: string; clauses: ClauseVersion[] }[],
  signature?: Blueprint['signature'],
): Library {
  return {
    clauses: sections.flatMap((s) => s.clauses),
    blueprints: [
      {
        id: 'bp',
        docType: 'service-plan',
        title: '测试方案',
        sections: sections.map((s) => ({
          title: s.title,
          clauses: s.clauses.map((c) => ({ id: c.id, variant: c.variant })),
        })),
        ...(signature ? { signature } : {}),
      },
    ],
  };
}

export function project(values: Record<string, unknown>, over: Partial<Project> = {}): Project {
  return {
    schema: 1,
    name: 'p',
    title: '测试项目',
    blueprint: 'bp',
    projectNo: '',
    bidder: '',
    date: '2026-01-01',
    script: 'hans',
    values,
    ...over,
  };
}

/** Assembles one clause (body + declarations) in a one-section document. */
export function assembleOne(body: string, variables: Decl[], values: Record<string, unknown>): Assembly {
  return assemble(project(values), library([{ title: '甲', clauses: [clause('c', body, variables)] }]));
}

/** The blocks after the section heading. */
export function bodyBlocks(a: Assembly): Block[] {
  return a.document.blocks.filter((b) => !(b.kind === 'heading' && b.level === 1));
}

/** All visible text of a document's blocks, joined. */
export function textOf(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return b.number + b.text;
        case 'paragraph':
          return b.runs.map((r) => r.text).join('');
        case 'listItem':
          return b.number + b.runs.map((r) => r.text).join('');
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join('|')).join('\n');
        case 'signature':
          return b.parties.flatMap((p) => p.lines).join('\n');
      }
    })
    .join('\n');
}

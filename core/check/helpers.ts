// Shared pieces of the check rules: the context they read, and how they read figures from it.
import type { Assembly } from '../assemble/assemble.js';
import { formatScalar } from '../format/zh.js';
import { mayTakeLonger } from '../commitments/time.js';
import type { Block } from '../model/document.js';
import type { Problem, Severity } from '../model/problem.js';
import type { Project } from '../model/project.js';
import type { Duration, Row } from '../model/variables.js';

export type CheckContext = Assembly & { project: Project };
/**
 * `values` rules read the figures (shared by every document of a bid package, so a package runs them once);
 * `document` rules read one assembled document's text and outline.
 */
export type RuleScope = 'values' | 'document';
export type Rule = {
  code: string;
  severity: Severity;
  describe: string;
  scope?: RuleScope;
  run(ctx: CheckContext): Problem[];
};

export const label = (ctx: CheckContext, key: string) => ctx.decls.get(key)?.label ?? key;
export const shown = (ctx: CheckContext, key: string) => {
  const d = ctx.decls.get(key);
  const v = ctx.values.get(key);
  return d && v !== undefined && d.type !== 'table' && d.type !== 'list' ? formatScalar(d.type, v as never) : String(v);
};

const duration = (ctx: CheckContext, key: string): Duration | undefined =>
  ctx.decls.get(key)?.type === 'duration' ? (ctx.values.get(key) as Duration | undefined) : undefined;

/** "a must not be longer than b": both durations; fires when a may take longer than b. */
export function notLonger(code: string, severity: Severity, a: string, b: string, why: string): Rule {
  return {
    code,
    severity,
    describe: `${a} ≤ ${b}`,
    run(ctx) {
      const da = duration(ctx, a);
      const db = duration(ctx, b);
      if (!da || !db || !mayTakeLonger(da, db)) return [];
      const params = {
        label: label(ctx, a),
        value: shown(ctx, a),
        otherLabel: label(ctx, b),
        otherValue: shown(ctx, b),
      };
      return [
        {
          severity,
          code,
          field: `values.${a}`,
          message: `「${params.label}」${params.value}长于「${params.otherLabel}」${params.otherValue}：${why}`,
          params,
        },
      ];
    },
  };
}

export function dateOf(ctx: CheckContext, key: string): string | undefined {
  return ctx.decls.get(key)?.type === 'date' ? (ctx.values.get(key) as string | undefined) : undefined;
}

export function tables(ctx: CheckContext): [string, Row[]][] {
  return [...ctx.decls]
    .filter(([k, d]) => d.type === 'table' && ctx.values.has(k))
    .map(([k]) => [k, ctx.values.get(k) as Row[]]);
}

export const blockText = (b: Block): string[] => {
  switch (b.kind) {
    case 'heading':
      return [b.text];
    case 'paragraph':
    case 'listItem':
      return [b.runs.map((r) => r.text).join('')];
    case 'table':
      return [...b.header, ...b.rows.flat()];
    case 'signature':
      return b.parties.flatMap((p) => p.lines);
  }
};

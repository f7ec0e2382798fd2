// Newer approved versions of the clauses a project uses are never silent: `check` lists each one as a warning
// (the composer shows its notice too), and `bidforge update` moves the project to them.
import type { OutdatedPin } from '../library/store/results.js';
import type { Problem } from '../model/problem.js';

export function newerVersionProblems(pins: readonly OutdatedPin[]): Problem[] {
  return pins.map((p) => ({
    severity: 'warning' as const,
    code: 'newer_clause_version',
    clause: p.clauseId,
    message: `条款「${p.title}」（${p.variant}）有更新的已批准版本：本项目使用第${p.pinned}版，最新为第${p.latestApproved}版；可运行 bidforge update 或在编制页面更新`,
    params: { title: p.title, variant: p.variant, pinned: p.pinned, latest: p.latestApproved },
  }));
}

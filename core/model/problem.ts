// A problem found in input or in a document: what, how bad, and where.
export type Severity = 'error' | 'warning';
export type Problem = {
  severity: Severity;
  code: string;
  message: string;
  /** The values `message` interpolates, so a shell can word the problem in its own language (core/i18n/problemText.ts). */
  params?: Record<string, string | number>;
  /** Where: a file, a field path (values.onsite_arrival), a clause id, a section title. */
  file?: string;
  field?: string;
  clause?: string;
  section?: string;
};

/** An error carrying problems; every shell carries it as {code, message, params: {problems}} (core/api/dispatch.ts), never a stack trace. */
export class BidForgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'BidForgeError';
  }
}

/** The problem as one Chinese line (core's language); shells word it in theirs with core/i18n/problemLine.ts. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.section && `「${p.section}」`, p.clause && `条款 ${p.clause}`].filter(Boolean).join('：');
  return `${p.severity === 'error' ? '错误' : '警告'}：${where ? `${where}：` : ''}${p.message}`;
}

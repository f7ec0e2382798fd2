// A check context from typed values, for the check-rule tests: a one-section document, a minimal project.
import type { CheckContext } from '@core/check/rules.js';
import type { Block } from '@core/model/document.js';
import type { Column, Value, VariableDecl, VariableType } from '@core/model/variables.js';

/** key → [type, value, table columns?] */
export type Spec = Record<string, [VariableType, Value, Column[]?]>;

/** Each variable is required and labelled `label(key)` (the key itself unless told). */
export function checkContext(
  spec: Spec,
  over: Partial<CheckContext> = {},
  label: (key: string) => string = (k) => k,
): CheckContext {
  const decls = new Map<string, VariableDecl>();
  const values = new Map<string, Value>();
  for (const [key, [type, value, columns]] of Object.entries(spec)) {
    decls.set(key, { key, type, label: label(key), required: true, ...(columns ? { columns } : {}) });
    values.set(key, value);
  }
  const blocks: Block[] = [
    { kind: 'heading', level: 1, number: '一、', text: '服务承诺' },
    { kind: 'paragraph', runs: [{ text: '正文' }] },
  ];
  return {
    decls,
    values,
    document: {
      meta: {
        title: 't',
        projectName: 'p',
        projectNo: '',
        bidder: '',
        date: '2026-11-24',
        docType: 'service-plan',
        draft: false,
      },
      blocks,
    },
    problems: [],
    sections: [],
    project: {
      schema: 1,
      name: 'p',
      title: 't',
      blueprint: 'service-plan',
      projectNo: '',
      bidder: '',
      date: '2026-11-24',
      script: 'hans',
      values: {},
    },
    ...over,
  };
}

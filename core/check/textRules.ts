// Texts outside the variables that reach the bid as they are: what a fact names (its own label, stated service
// hours, the unit a fee is charged per, the level, product or component it covers), the writer's answers in the
// 偏离表, and the project's own title, number and bidder. A blank prints a hole, a placeholder prints 待定.
import type { Problem } from '../model/problem.js';
import { factsOf } from './factRules.js';
import { FACT_PARTS, factName, factTexts } from './factTexts.js';
import type { CheckContext, Rule } from './helpers.js';
import { PLACEHOLDER } from './valueRules.js';

/** The writer's texts of a 偏离表 row, by the name of their column. */
export const REQUIREMENT_PARTS = {
  text: '招标文件要求',
  response: '投标文件应答',
  note: '说明',
  accepted: '负偏离接受理由',
} as const;
type RequirementPart = keyof typeof REQUIREMENT_PARTS;

/** The project's own printed fields, as the 编制 screen labels them. */
export const PROJECT_PARTS = { title: '文档标题', projectNo: '项目编号', bidder: '投标人' } as const;
type ProjectPart = keyof typeof PROJECT_PARTS;

const blank = (t: string) => t.trim() === '';
const cut = (t: string) => t.slice(0, 30);

/** Facts of the project's own (legacy facts are values, reported by the value rules once). */
const ownFacts = (ctx: CheckContext) => factsOf(ctx).filter((f) => f.field.startsWith('commitments.'));

export const TEXT_RULES: Rule[] = [
  {
    code: 'blank_fact_text',
    severity: 'error',
    describe: 'no text of a fact (its name, stated hours, unit of charge, level, product or component) is blank',
    run: (ctx) =>
      ownFacts(ctx).flatMap((f): Problem[] => {
        const hit = factTexts(f.fact).find(([, t]) => blank(t));
        if (!hit) return [];
        const params = { label: factName(f.fact, hit[0], f.label), part: hit[0] };
        return [
          {
            severity: 'error',
            code: 'blank_fact_text',
            field: f.field,
            message: `「${params.label}」的${FACT_PARTS[hit[0]]}为空：请填写内容，空白会在文件中留下残缺的句子`,
            params,
          },
        ];
      }),
  },
  {
    code: 'requirement_text',
    severity: 'error',
    describe: 'no text the writer gave a 偏离表 row (requirement, response, note, reason) is blank or a placeholder',
    run: (ctx) =>
      (ctx.project.requirements ?? []).flatMap((r, i): Problem[] => {
        const parts: [RequirementPart, string | undefined][] = [
          ['text', r.text],
          ['response', r.response],
          ['note', r.note],
          ['accepted', r.accepted],
        ];
        // An empty response or note is simply absent; one of spaces prints a blank cell. A blank reason leaves a
        // negative deviation unaccepted, which that check reports.
        const printsBlank = (part: RequirementPart, t: string) =>
          blank(t) && (part === 'text' || (part !== 'accepted' && t !== ''));
        const hit = parts.find(
          (x): x is [RequirementPart, string] =>
            typeof x[1] === 'string' && (printsBlank(x[0], x[1]) || PLACEHOLDER.test(x[1])),
        );
        if (!hit) return [];
        const [part, t] = hit;
        const placeholder = !blank(t);
        const params = { index: i + 1, part, ...(placeholder ? { text: cut(t) } : {}) };
        const column = REQUIREMENT_PARTS[part];
        return [
          {
            severity: 'error',
            code: 'requirement_text',
            field: `requirements.${i}`,
            message: placeholder
              ? `偏离表第${i + 1}项的「${column}」仍是占位内容：${params.text}`
              : `偏离表第${i + 1}项的「${column}」为空：请填写内容或删去该项`,
            params,
          },
        ];
      }),
  },
  {
    code: 'project_placeholder',
    severity: 'error',
    describe: "the project's title, number and bidder hold no placeholder such as 待定, XXX or ＊＊",
    run: (ctx) =>
      (Object.keys(PROJECT_PARTS) as ProjectPart[]).flatMap((part): Problem[] => {
        const t = ctx.project[part];
        if (typeof t !== 'string' || !PLACEHOLDER.test(t)) return [];
        const params = { part, text: cut(t) };
        return [
          {
            severity: 'error',
            code: 'project_placeholder',
            field: part,
            message: `「${PROJECT_PARTS[part]}」仍是占位内容：${params.text}`,
            params,
          },
        ];
      }),
  },
];

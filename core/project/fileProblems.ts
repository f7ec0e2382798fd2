// Why a project file cannot be opened, as problems with codes and params (worded in English by
// core/i18n/problemText.ts): the JSON's own error with its line and column, or each wrong field by its label.
import type { z } from 'zod';
import type { Problem } from '../model/problem.js';
import { factFieldName, factIssue } from './factProblems.js';

/** The project's own fields as the 编制 screen labels them. */
const FIELD_LABEL: Record<string, { zh: string; en: string }> = {
  schema: { zh: '文件格式版本', en: 'file format version' },
  id: { zh: '项目标识', en: 'project id' },
  name: { zh: '项目名称', en: 'project name' },
  title: { zh: '文档标题', en: 'document title' },
  blueprint: { zh: '蓝本', en: 'blueprint' },
  projectNo: { zh: '项目编号', en: 'project No.' },
  bidder: { zh: '投标人', en: 'bidder' },
  date: { zh: '编制日期', en: 'date' },
  script: { zh: '简体/繁體', en: 'Simplified/Traditional' },
  values: { zh: '变量值', en: 'values' },
  documents: { zh: '投标文件包的文件', en: 'documents of the bid package' },
  requirements: { zh: '招标要求', en: 'tender requirements' },
  workingDayHours: { zh: '每个工作日的小时数', en: 'hours per working day' },
  outline: { zh: '大纲', en: 'outline' },
  typesetting: { zh: '版式', en: 'layout' },
  commitments: { zh: '承诺事项', en: 'commitments' },
};

/** What is wrong with one field, by zod's issue code. */
const ISSUE: Record<string, string> = {
  invalid_type: '类型不对',
  too_small: '过短或为空',
  too_big: '过长',
  invalid_value: '不是允许的值',
  invalid_format: '格式不对',
  custom: '无效',
};

export function notJsonProblem(file: string, text: string, error: unknown): Problem {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!at)
    return { severity: 'error', code: 'not_json', message: `${file}：不是有效的 JSON 文件`, params: { file }, file };
  const before = text.slice(0, Number(at[1])).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return {
    severity: 'error',
    code: 'not_json_at',
    message: `${file}：不是有效的 JSON 文件（第 ${line} 行第 ${column} 列有误）`,
    params: { file, line, column },
    file,
  };
}

/** One problem per wrong field (at most five), named by its label; a missing field says so. */
export function projectFieldProblems(file: string, error: z.ZodError, json: unknown): Problem[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return [
      {
        severity: 'error',
        code: 'not_project',
        message: `${file}：不是项目文件（应为一个 JSON 对象）`,
        params: { file },
        file,
      },
    ];
  return error.issues.slice(0, 5).map((issue) => {
    const top = String(issue.path[0] ?? '');
    const names = FIELD_LABEL[top];
    const rest = issue.path
      .slice(1)
      .map((p) => (typeof p === 'number' ? `#${p + 1}` : String(p)))
      .join('.');
    // A fact is named by its label (「承诺『到达现场时限』的单位」), never by its index and keys.
    const fact =
      top === 'commitments' ? factFieldName(issue.path.slice(1), json as Record<string, unknown>) : undefined;
    const zh = fact?.zh ?? (names ? names.zh + (rest ? ` ${rest}` : '') : issue.path.join('.') || '（整个文件）');
    const en = fact?.en ?? (names ? names.en + (rest ? ` ${rest}` : '') : issue.path.join('.') || '(the whole file)');
    const special = fact ? factIssue(issue.path.slice(1), issue, json as Record<string, unknown>) : undefined;
    const missing =
      issue.code === 'invalid_type' &&
      issue.path.length === 1 &&
      (json === null || typeof json !== 'object' || !Object.hasOwn(json, top));
    const issueCode =
      special?.issue ?? (missing ? 'missing' : Object.hasOwn(ISSUE, issue.code) ? issue.code : 'custom');
    const message = missing
      ? `${file}：项目文件缺少「${zh}」`
      : `${file}：项目文件中「${zh}」${special?.zh ?? ISSUE[issueCode]}`;
    return {
      severity: 'error',
      code: 'project_field',
      message,
      params: { file, field: zh, fieldEn: en, issue: issueCode, ...special?.params },
      file,
    };
  });
}

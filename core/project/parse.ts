// Project files: JSON text → validated Project, with errors that name the file and the field by its label.
import { BidForgeError } from '../model/problem.js';
import { projectSchema, type Project } from '../model/project.js';
import { notJsonProblem, projectFieldProblems } from './fileProblems.js';

export function parseProject(json: unknown, file: string): Project {
  const r = projectSchema.safeParse(json);
  if (!r.success) {
    const problems = projectFieldProblems(file, r.error, json);
    throw new BidForgeError('bad_project', problems.map((p) => p.message).join('；'), problems);
  }
  return r.data;
}

export function parseProjectText(text: string, file: string): Project {
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (e) {
    const problem = notJsonProblem(file, body, e);
    throw new BidForgeError('bad_project', problem.message, [problem]);
  }
  return parseProject(json, file);
}

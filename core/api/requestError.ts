// A refused request that carries a project (preview, export, recent projects …) names what is wrong in the project as
// opening its file does — each field by its label, a fact by its Chinese label (core/project/fileProblems.ts) — never
// as zod's path of internal keys (project.commitments.2.within.value). The code stays bad_request (a request).
import { projectSchema } from '../model/project.js';
import { zodMessage } from '../model/zodMessage.js';
import { projectFieldProblems } from '../project/fileProblems.js';
import type { z } from 'zod';
import { ApiError } from './envelope.js';

/** The name a project given in a request goes by in messages (it has no file name). */
const PROJECT_NAME = '当前项目';

export function requestError(channel: string, error: z.ZodError, arg: unknown): ApiError {
  const project = arg !== null && typeof arg === 'object' ? (arg as { project?: unknown }).project : undefined;
  if (project !== undefined && error.issues.some((i) => i.path[0] === 'project')) {
    const r = projectSchema.safeParse(project);
    if (!r.success) {
      const problems = projectFieldProblems(PROJECT_NAME, r.error, project);
      return new ApiError('bad_request', problems.map((p) => p.message).join('；'), { problems });
    }
  }
  return new ApiError('bad_request', `${channel}: ${zodMessage(error)}`);
}

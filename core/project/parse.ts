// Project files: JSON text → validated Project, with errors that name the file and the field.
import { BidForgeError } from '../model/problem.js';
import { projectSchema, type Project } from '../model/project.js';
import { zodMessage } from '../model/zodMessage.js';

export function parseProject(json: unknown, file: string): Project {
  const r = projectSchema.safeParse(json);
  if (!r.success) throw new BidForgeError('bad_project', `${file}: ${zodMessage(r.error)}`);
  return r.data;
}

export function parseProjectText(text: string, file: string): Project {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BidForgeError('bad_project', `${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseProject(json, file);
}

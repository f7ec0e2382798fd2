// Where the project's own files are, independent of the directory vitest was started from.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
export const samplePath = fileURLToPath(new URL('../../templates/samples/service-plan-sample.json', import.meta.url));

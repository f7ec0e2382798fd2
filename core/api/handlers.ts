// The API implemented once, for every shell: each feature's handlers (beside its code) over the dependencies they
// share — the clause library or store, the settings — built here once. Injected (templates and data folder): no
// hidden globals.
import { createCardsHandlers } from '../cards/handlers.js';
import { projectKey } from '../library/contract.js';
import { createLibraryHandlers, libraryPeople } from '../library/handlers.js';
import { loadTemplates } from '../library/loadTemplates.js';
import { StoreAccess } from '../library/storeAccess.js';
import type { Library } from '../model/library.js';
import type { Project } from '../model/project.js';
import { createProjectHandlers } from '../project/handlers.js';
import { createSettingsHandlers } from '../settings/handlers.js';
import { SettingsStore } from '../settings/store.js';
import { createTenderHandlers } from '../tender/handlers.js';
import { createTeamSyncHandlers } from '../teamSync/handlers.js';
import { createTeamFolderHandlers } from '../teamFolder/handlers.js';
import { combine } from './combine.js';
import type { ApiHandlers } from './contract.js';

export type HandlerDeps = {
  templatesDir: string;
  today?: () => string;
  /**
   * The data folder holding the clause store (library.json). With it, documents use the store's approved clauses and
   * the projects' pins; without it (the CLI's render, older tests), the built-in templates, read-only.
   */
  dataDir?: string;
  /** Shown to another program that finds the store in use ("app", "host"). */
  program?: string;
  /** Who acts in the library when the shell knows (the CLI's --as); else 设置's user name. */
  actingUser?: string;
};

const isoToday = () => new Date().toISOString().slice(0, 10);

/** Every variable the library's clauses declare, by key, with its label (the first clause's wording wins). */
function labelsOf(lib: Library): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of lib.clauses) for (const v of c.variables) if (!out.has(v.key)) out.set(v.key, v.label);
  return out;
}

export function createHandlers(options: HandlerDeps): ApiHandlers {
  const { templatesDir, dataDir, actingUser, today = isoToday, program = 'app' } = options;
  // The store when there is a data folder; a project's pinned versions win over the latest approved.
  const access = dataDir ? new StoreAccess({ dataDir, templatesDir, program }) : null;
  let templates: Promise<Library> | undefined;
  const library = (project?: Project) =>
    access ? access.library(project && projectKey(project)) : (templates ??= loadTemplates(templatesDir));
  // settings.json and recent.json in the data folder (in memory without one)
  const settings = new SettingsStore(dataDir ? { dataDir } : {});

  return combine(
    createProjectHandlers({ templatesDir, today, library, access, settings }),
    createLibraryHandlers(access, today, libraryPeople(settings, actingUser)),
    createSettingsHandlers({
      settings,
      ...(dataDir ? { dataDir } : {}),
      program,
      variableLabels: async () => labelsOf(await library()),
    }),
    createCardsHandlers({ templatesDir, settings }),
    createTenderHandlers({ library }),
    createTeamSyncHandlers({ access, settings, ...(dataDir ? { dataDir } : {}) }),
    createTeamFolderHandlers({ access, settings, ...(dataDir ? { dataDir } : {}) }),
  );
}

/** Turns anything thrown into the error that crosses the boundary (core/api/dispatch.ts). */
export { toApiError } from './dispatch.js';

// Live preview: asks the API for the assembled Document at once, with at most one request in flight; edits made
// meanwhile are sent as one when it returns (the newest wins), so the preview follows typing without a fixed delay.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiHandlers } from '@core/api/contract.js';
import type { Problem } from '@core/model/problem.js';
import { projectSchema, type Project } from '@core/model/project.js';
import { isValidIsoDate } from '@core/model/variables.js';
import { errorMessage } from '../api.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';
import { PreviewStore } from './previewStore.js';

export const usePreviewView = (store: PreviewStore) => useSyncExternalStore(store.subscribe, store.getView);
export const usePreviewFindings = (store: PreviewStore) => useSyncExternalStore(store.subscribe, store.getFindings);

const META_LABEL: Record<string, MessageKey> = {
  title: 'meta.title',
  bidder: 'meta.bidder',
  projectNo: 'meta.projectNo',
  date: 'meta.date',
};

/** Problems in the project's own fields, found before anything is sent (the API would reject the whole request). */
export function localProblems(project: Project, t: Translate): Problem[] {
  const problems: Problem[] = [];
  const r = projectSchema.safeParse(project);
  if (!r.success)
    for (const issue of r.error.issues) {
      const field = issue.path.map(String).join('.');
      const labelKey = META_LABEL[field];
      const label = labelKey ? t(labelKey) : field;
      let message = issue.message;
      if (field === 'date') message = t('meta.badDate');
      else if (issue.code === 'too_small') message = t('meta.required', { label });
      else if (issue.code === 'too_big') message = t('meta.tooLong', { label, max: Number(issue.maximum) });
      problems.push({ severity: 'error', code: 'bad_project', message, field });
    }
  if (!problems.some((p) => p.field === 'date') && !isValidIsoDate(project.date))
    problems.push({ severity: 'error', code: 'bad_project', message: t('meta.badDate'), field: 'date' });
  return problems;
}

export type LivePreview = {
  store: PreviewStore;
  /**
   * Asks for the preview of `project` at once — called from an input event with the edited project, so the server
   * assembles while React draws the edit; when that project then arrives through render, nothing is sent again.
   */
  ahead: (project: Project) => void;
};

/**
 * Keeps the preview of `project` in the returned store. `epoch` changes whenever a different project is opened, so
 * the view can tell an edit (animate what changed) from a new document (start at the top). `document` picks one
 * document of a bid package (a blueprint id; undefined = the project's main one). A new `revision` asks again for
 * the same project (the library text behind it changed).
 */
export function usePreview(
  api: ApiHandlers,
  project: Project | null,
  epoch: number,
  t: Translate,
  document?: string,
  revision = 0,
): LivePreview {
  const [store] = useState(() => new PreviewStore(epoch));
  const seq = useRef(0);
  const tRef = useRef(t);
  tRef.current = t;
  const { locale } = useI18n();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const inFlight = useRef(false);
  const queued = useRef<(() => void) | null>(null);
  const params = useRef({ api, epoch, document, revision });
  params.current = { api, epoch, document, revision };
  /** What was last asked for, so the render that follows an `ahead` does not ask again. */
  const sent = useRef<{
    project: Project;
    api: ApiHandlers;
    epoch: number;
    document: string | undefined;
    revision: number;
  } | null>(null);

  const send = useCallback(
    (project: Project) => {
      const { api, epoch, document, revision } = params.current;
      sent.current = { project, api, epoch, document, revision };
      const id = ++seq.current;
      const local = localProblems(project, tRef.current);
      if (local.length) {
        // Keep the last good document on screen; show why it is not updating.
        store.show({ problems: local });
        return;
      }
      store.setPending(true);
      const request = () => {
        inFlight.current = true;
        api
          .preview({ project, ...(document ? { document } : {}) })
          .then(
            ({ document: doc, problems, deviations }) => {
              if (id === seq.current) store.show({ document: doc, epoch, problems, deviations: deviations ?? [] });
            },
            (e: unknown) => {
              if (id === seq.current)
                store.show({
                  problems: [
                    {
                      severity: 'error',
                      code: 'preview_failed',
                      message: tRef.current('preview.failed', { message: errorMessage(e, localeRef.current) }),
                    },
                  ],
                });
            },
          )
          .finally(() => {
            inFlight.current = false;
            const next = queued.current;
            queued.current = null;
            next?.();
          });
      };
      // Only the newest waiting edit matters: it replaces any older one in the queue.
      if (inFlight.current) queued.current = request;
      else request();
    },
    [store],
  );

  useEffect(() => {
    if (!project) return;
    const last = sent.current;
    if (
      last &&
      last.project === project &&
      last.api === api &&
      last.epoch === epoch &&
      last.document === document &&
      last.revision === revision
    )
      return;
    send(project);
  }, [api, send, project, epoch, document, revision]);

  return useMemo(() => ({ store, ahead: send }), [store, send]);
}

// Hands a project from 首页 to 编制: 首页 calls openInComposer() and navigates; the composer subscribes with
// useOpenedProjects() (one line in Composer.tsx). A project sent before the composer mounts waits for it.
// The composer in turn publishes which project it holds (useComposerProject), so 首页 can offer to continue it.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Project } from '@core/model/project.js';

/** `saved`: the project is what its file holds (opened from a file, or a recent entry recorded on save). */
export type OpenedProject = { project: Project; path?: string; saved?: boolean };
type Listener = (o: OpenedProject) => void;

const listeners = new Set<Listener>();
let pending: OpenedProject | undefined;

export function openInComposer(project: Project, path?: string, saved = false): void {
  const o: OpenedProject = { project, ...(path ? { path } : {}), saved };
  if (listeners.size === 0) pending = o;
  else listeners.forEach((l) => l(o));
}

/** Calls `listener` for every project opened elsewhere (and for one sent before this component mounted). */
export function useOpenedProjects(listener: Listener): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => {
    const l: Listener = (o) => ref.current(o);
    listeners.add(l);
    if (pending) {
      const o = pending;
      pending = undefined;
      l(o);
    }
    return () => void listeners.delete(l);
  }, []);
}

/** The project 编制 holds (its id and title), or null. */
export type HeldProject = { id: string | undefined; title: string } | null;
let held: HeldProject = null;
const heldListeners = new Set<() => void>();

/** Called by the composer whenever the project it holds changes. */
export function publishHeldProject(p: HeldProject): void {
  if (held?.id === p?.id && held?.title === p?.title) return;
  held = p;
  heldListeners.forEach((l) => l());
}

export const heldProject = (): HeldProject => held;

export function useHeldProject(): HeldProject {
  return useSyncExternalStore((l) => {
    heldListeners.add(l);
    return () => void heldListeners.delete(l);
  }, heldProject);
}

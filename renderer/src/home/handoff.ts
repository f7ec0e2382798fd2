// Hands a project from 首页 to 编制: 首页 calls openInComposer() and navigates; the composer subscribes with
// useOpenedProjects() (one line in Composer.tsx). A project sent before the composer mounts waits for it.
import { useEffect, useRef } from 'react';
import type { Project } from '../../../core/model/project.js';

export type OpenedProject = { project: Project; path?: string };
type Listener = (o: OpenedProject) => void;

const listeners = new Set<Listener>();
let pending: OpenedProject | undefined;

export function openInComposer(project: Project, path?: string): void {
  const o: OpenedProject = { project, ...(path ? { path } : {}) };
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

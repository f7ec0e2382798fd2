// What the form and the outline panel show, asked again whenever the project's shape changes (another project, an
// outline edit, another document of the package) — not on every keystroke in a value.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutlineSectionView } from '@core/assemble/projectOutline.js';
import type { OutlineView, VariableField } from '@core/api/contract.js';
import type { Project } from '@core/model/project.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';

export type Description = {
  fields: VariableField[];
  /** The opened project (epoch) the fields belong to: they arrive a moment after it opens. */
  fieldsEpoch: number;
  outline: OutlineView | null;
  /** Shows an outline edit at once, before the API confirms it. */
  showOutline: (sections: OutlineSectionView[]) => void;
  /** Set when the fields could not be described (e.g. an unknown blueprint). */
  error: string | null;
};

/** `revision` changes when the library behind the project changed: new versions may bring new variables. */
export function useDescription(
  project: Project | null,
  epoch: number,
  document: string | undefined,
  revision = 0,
): Description {
  const [described, setDescribed] = useState<{ fields: VariableField[]; epoch: number }>({ fields: [], epoch: -1 });
  const [outline, setOutline] = useState<OutlineView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef(project);
  current.current = project;
  // A failure is worded in the UI's language when it happens; a language switch alone asks for nothing again.
  const { locale } = useI18n();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const shape = project ? JSON.stringify([project.blueprint, project.documents ?? null, project.outline ?? null]) : '';

  useEffect(() => {
    const p = current.current;
    if (!p) return;
    let live = true;
    api.describeProject({ project: p }).then(
      ({ fields: fs }) => {
        if (!live) return;
        setDescribed({ fields: fs, epoch });
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e, localeRef.current)),
    );
    return () => {
      live = false;
    };
  }, [shape, epoch, revision]);

  useEffect(() => {
    const p = current.current;
    if (!p) return;
    let live = true;
    api.describeOutline({ project: p, ...(document ? { document } : {}) }).then(
      (v) => live && setOutline(v),
      () => live && setOutline(null),
    );
    return () => {
      live = false;
    };
  }, [shape, epoch, document, revision]);

  const showOutline = useCallback(
    (sections: OutlineSectionView[]) => setOutline((o) => (o ? { ...o, sections, custom: true } : o)),
    [],
  );

  return {
    fields: described.fields,
    fieldsEpoch: described.epoch,
    outline,
    error,
    showOutline,
  };
}

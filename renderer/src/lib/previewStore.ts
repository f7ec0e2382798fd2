// Where the live preview's result lives, outside React state: the preview pane re-renders for a new document, the
// form only when the problems or the 偏离表 really changed — a keystroke on a 40-page plan must not redraw the
// whole screen three times (edit, "updating", result).
import type { DeviationRow } from '@core/deviation/compute.js';
import type { Document } from '@core/model/document.js';
import type { Problem } from '@core/model/problem.js';

/** What the preview pane draws. */
export type PreviewView = {
  document: Document | null;
  /** Which opened project the document belongs to (see usePreview's epoch). */
  epoch: number;
  /** A change is waiting for its preview. */
  pending: boolean;
};

/** What the checks found, for the problems panel, the form's inline errors and the 偏离表. */
export type PreviewFindings = {
  problems: Problem[];
  /** The 偏离表 rows computed from the project's requirements, one per requirement in order. */
  deviations: DeviationRow[];
};

type Listener = () => void;
type Part = 'document' | 'problems' | 'deviations';

/** Holds the latest preview; each part keeps its identity while its content is unchanged. */
export class PreviewStore {
  private view: PreviewView;
  private findings: PreviewFindings = { problems: [], deviations: [] };
  private readonly listeners = new Set<Listener>();
  /** The JSON of each part as shown, to compare new results with. */
  private readonly shownJson = new Map<Part, string>();

  constructor(epoch: number) {
    this.view = { document: null, epoch, pending: false };
  }

  readonly subscribe = (l: Listener) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };
  readonly getView = () => this.view;
  readonly getFindings = () => this.findings;

  setPending(pending: boolean): void {
    if (this.view.pending !== pending) this.update({ ...this.view, pending });
  }

  /** A new result: parts equal to the shown ones keep their identity, so nothing redraws for them. */
  show(next: { document?: Document | null; epoch?: number; problems?: Problem[]; deviations?: DeviationRow[] }): void {
    const document = this.keep('document', next.document, this.view.document);
    const epoch = next.epoch ?? this.view.epoch;
    const view =
      document === this.view.document && epoch === this.view.epoch && !this.view.pending
        ? this.view
        : { document, epoch, pending: false };
    const problems = this.keep('problems', next.problems, this.findings.problems);
    const deviations = this.keep('deviations', next.deviations, this.findings.deviations);
    const findings =
      problems === this.findings.problems && deviations === this.findings.deviations
        ? this.findings
        : { problems, deviations };
    this.update(view, findings);
  }

  /** The shown part unless `next` differs from it in content; each shown part is serialised once, not per result. */
  private keep<T>(part: Part, next: T | undefined, shown: T): T {
    if (next === undefined || next === shown) return shown;
    const text = JSON.stringify(next);
    if (text === (this.shownJson.get(part) ?? JSON.stringify(shown))) return shown;
    this.shownJson.set(part, text);
    return next;
  }

  private update(view: PreviewView, findings = this.findings): void {
    if (view === this.view && findings === this.findings) return;
    this.view = view;
    this.findings = findings;
    for (const l of this.listeners) l();
  }
}

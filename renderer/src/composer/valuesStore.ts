// The project's values as the form reads them: each field subscribes to its own value, so a keystroke redraws the
// one field that changed — not the form, its sections and their headers around it (a 40-page plan has hundreds).
import { useSyncExternalStore } from 'react';

type Listener = () => void;

export class ValuesStore {
  private values: Record<string, unknown> = {};
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (l: Listener) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };
  readonly get = () => this.values;

  /** The values being drawn: set while the composer renders, so fields drawn in the same pass read them. */
  publish(values: Record<string, unknown>): void {
    this.values = values;
  }

  /** After the composer has drawn: fields that did not redraw compare their value and redraw if it changed. */
  notify(): void {
    for (const l of this.listeners) l();
  }
}

export function useFieldValue(store: ValuesStore, key: string): unknown {
  return useSyncExternalStore(store.subscribe, () => store.get()[key]);
}

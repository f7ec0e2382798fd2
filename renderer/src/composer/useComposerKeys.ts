// The composer's shortcuts and the desktop menu's commands. Screens stay mounted when hidden, so the shortcuts act
// only while 编制 is shown (an element with an offsetParent is displayed); menu commands always reach it, because
// the shell switches to 编制 before they arrive at its toolbar's actions.
import { useEffect, useRef, type RefObject } from 'react';
import type { OpenedFile } from '@core/shell/bridge.js';
import { isTextEditing } from '../lib/history.js';
import { shell } from '../lib/shell.js';

export type ComposerActions = {
  save: (saveAs?: boolean) => void;
  exportAs: (format: 'docx' | 'pdf') => void;
  open: (recentPath?: string) => void;
  openFile: (f: OpenedFile) => void;
  undo: () => void;
  redo: () => void;
};

export function useComposerKeys(root: RefObject<HTMLElement | null>, actions: ComposerActions): void {
  const ref = useRef(actions);
  ref.current = actions;

  useEffect(() => {
    const offMenu = shell.onMenu(({ command, arg }) => {
      const a = ref.current;
      if (command === 'save' || command === 'saveAs') a.save(command === 'saveAs');
      else if (command === 'exportDocx' || command === 'exportPdf')
        a.exportAs(command === 'exportDocx' ? 'docx' : 'pdf');
      else if (command === 'open') a.open(arg);
    });
    const offOpen = shell.onOpenFile((f) => ref.current.openFile(f));
    return () => {
      offMenu();
      offOpen();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!root.current?.offsetParent || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      const a = ref.current;
      const k = e.key.toLowerCase();
      if (!e.shiftKey && k === 's') a.save();
      else if (!e.shiftKey && k === 'e') a.exportAs('pdf');
      // Inside a text field, Ctrl+Z undoes its own typing; project-level undo is for everything else.
      else if (isTextEditing(document.activeElement)) return;
      else if (k === 'z' && !e.shiftKey) a.undo();
      else if (k === 'y' || (k === 'z' && e.shiftKey)) a.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
}

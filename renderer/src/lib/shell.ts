// Native dialogs and the menu in Electron; a file picker and downloads in the browser host. Same calls either way.
import { unwrap } from '@core/api/envelope.js';
import type { MenuCommand, OpenedFile, SavedFile } from '@core/shell/bridge.js';
import type { PreloadGlobals } from '../../../electron/preloadBridge.js';
import { downloadBlob, MIME } from './download.js';

export type Shell = {
  /** True in Electron: files have real paths, "show in folder" works, the menu sends commands. */
  native: boolean;
  openProject(): Promise<OpenedFile | null>;
  openRecent(path: string): Promise<OpenedFile>;
  /** `path` from an earlier open or save: Electron writes there again; the browser always downloads. */
  saveProject(text: string, suggestedName: string, path?: string, saveAs?: boolean): Promise<SavedFile | null>;
  saveExport(bytes: Uint8Array, fileName: string, format: 'docx' | 'pdf'): Promise<SavedFile | null>;
  showInFolder(path: string): Promise<void>;
  openPath(path: string): Promise<void>;
  setLanguage(lang: 'zh-CN' | 'en'): void;
  onMenu(listener: (c: MenuCommand) => void): () => void;
  onOpenFile(listener: (f: OpenedFile) => void): () => void;
};

/** The preload's shell calls resolve to envelopes (like the API's); unwrapped here, a refusal throws an ApiError. */
function nativeShell(b: PreloadGlobals['bidforgeShell']): Shell {
  return {
    native: true,
    openProject: () => b.openProject({}).then(unwrap),
    openRecent: (path) => b.openRecent({ path }).then(unwrap),
    saveProject: (text, suggestedName, path, saveAs) =>
      b.saveProject({ text, suggestedName, path, saveAs }).then(unwrap),
    saveExport: (bytes, suggestedName, format) =>
      b.saveExport({ bytes: bytes as Uint8Array<ArrayBuffer>, suggestedName, format }).then(unwrap),
    showInFolder: (path) => b.showInFolder({ path }).then(unwrap),
    openPath: (path) => b.openPath({ path }).then(unwrap),
    setLanguage: (lang) => void b.setLanguage({ lang }).catch(() => undefined),
    onMenu: (l) => b.onMenu(l),
    onOpenFile: (l) => b.onOpenFile(l),
  };
}

/** Opens the browser's file picker; resolves null when the user cancels (where the browser reports it). */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

const unsupported = () => Promise.reject(new Error('only in the desktop app'));

function browserShell(): Shell {
  return {
    native: false,
    async openProject() {
      const file = await pickFile('.bfproj,.json,application/json');
      return file ? { path: '', name: file.name, text: await file.text() } : null;
    },
    openRecent: unsupported,
    async saveProject(text, suggestedName) {
      const name = /\.(bfproj|json)$/i.test(suggestedName) ? suggestedName : `${suggestedName}.bfproj.json`;
      downloadBlob(text, name, MIME.json);
      return { path: '', name };
    },
    async saveExport(bytes, fileName, format) {
      downloadBlob(bytes as Uint8Array<ArrayBuffer>, fileName, MIME[format]);
      return { path: '', name: fileName };
    },
    showInFolder: unsupported,
    openPath: unsupported,
    setLanguage: () => undefined,
    onMenu: () => () => undefined,
    onOpenFile: () => () => undefined,
  };
}

const bridge = window.bidforgeShell;
export const shell: Shell = bridge ? nativeShell(bridge) : browserShell();

// What the desktop shell adds to the API: native dialogs, the application menu, files opened from the OS.
// The browser host has none of this; the renderer then falls back to file inputs and downloads.
import { z } from 'zod';

export const MENU_COMMANDS = [
  'new',
  'open',
  'continue',
  'save',
  'saveAs',
  'exportDocx',
  'exportPdf',
  'screen',
] as const;
export type MenuCommand = { command: (typeof MENU_COMMANDS)[number]; arg?: string };

export type OpenedFile = { path: string; name: string; text: string };
export type SavedFile = { path: string; name: string };
export type RecentFile = { path: string; name: string };

const name = z.string().min(1).max(255);
const path = z.string().min(1).max(4096);

/** Arguments of every shell call, validated in the main process: the renderer is not trusted with paths it did not get from a dialog. */
export const shellArgSchemas = {
  openProject: z.object({}),
  openRecent: z.object({ path }),
  saveProject: z.object({
    text: z.string().max(50_000_000),
    suggestedName: name,
    path: path.optional(),
    saveAs: z.boolean().default(false),
  }),
  saveExport: z.object({ bytes: z.instanceof(Uint8Array), suggestedName: name, format: z.enum(['docx', 'pdf']) }),
  showInFolder: z.object({ path }),
  openPath: z.object({ path }),
  recentFiles: z.object({}),
  setLanguage: z.object({ lang: z.enum(['zh-CN', 'en']) }),
} as const;
export type ShellCall = keyof typeof shellArgSchemas;
export const SHELL_CALLS = Object.keys(shellArgSchemas) as ShellCall[];
type Arg<C extends ShellCall> = z.input<(typeof shellArgSchemas)[C]>;

export type ShellBridge = {
  /** Native open dialog; null when cancelled. */
  openProject(arg: Arg<'openProject'>): Promise<OpenedFile | null>;
  openRecent(arg: Arg<'openRecent'>): Promise<OpenedFile>;
  /** Writes to `path` when it was opened or saved through the shell before, else asks with a save dialog. */
  saveProject(arg: Arg<'saveProject'>): Promise<SavedFile | null>;
  saveExport(arg: Arg<'saveExport'>): Promise<SavedFile | null>;
  showInFolder(arg: Arg<'showInFolder'>): Promise<void>;
  openPath(arg: Arg<'openPath'>): Promise<void>;
  recentFiles(arg: Arg<'recentFiles'>): Promise<RecentFile[]>;
  /** The menu follows the UI language. */
  setLanguage(arg: Arg<'setLanguage'>): Promise<void>;
  onMenu(listener: (c: MenuCommand) => void): () => void;
  onOpenFile(listener: (f: OpenedFile) => void): () => void;
};

/** IPC channel names: shell:<call> for calls; these two for main → renderer events. */
export const SHELL_EVENTS = { menu: 'shell-event:menu', openFile: 'shell-event:open-file' } as const;

/** A project file named on the command line (double-click on Windows/Linux passes it as the last argument). */
export function projectFileFromArgv(argv: readonly string[]): string | undefined {
  return [...argv].reverse().find((a) => !a.startsWith('-') && /\.bfproj(\.json)?$/i.test(a));
}

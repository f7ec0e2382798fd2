// The project as a document: where its file is, whether it is saved, open / save / autosave. Two snapshots keep the
// save state true: `saved` is what a file holds (a new project has none: 未保存 until saved), `kept` is what a file or
// 最近项目 holds (switching away from an untouched new project loses nothing, so it asks nothing).
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Project } from '@core/model/project.js';
import { projectFileName, projectFileStem } from '@core/project/fileName.js';
import { sameFileName } from '@core/settings/recent.js';
import { errorText } from '@core/i18n/errorText.js';
import { api, errorMessage } from '../api.js';
import { publishHeldProject } from '../home/handoff.js';
import { useI18n } from '../i18n.js';
import { clearAutosave, readAutosave, writeAutosave } from '../lib/autosave.js';
import { formatDateTime } from '../lib/dates.js';
import { shell } from '../lib/shell.js';

export type FileState = { path?: string; saved: boolean };

export function useProjectFile(
  project: Project | null,
  show: (p: Project) => void,
  blueprintTitle: (id: string) => string,
) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const [savedSnapshot, setSavedSnapshot] = useState('');
  const [keptSnapshot, setKeptSnapshot] = useState('');
  /** Where the project was opened from or last saved to (desktop app only): Save writes there again. */
  const [filePath, setFilePath] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const current = project ? JSON.stringify(project) : '';
  const dirty = project !== null && current !== savedSnapshot;
  const changed = project !== null && current !== keptSnapshot;
  /** Counts projects shown, so a restore at start never replaces one handed over from 首页 meanwhile. */
  const shown = useRef(0);

  useEffect(() => publishHeldProject(project ? { id: project.id, title: project.title } : null), [project]);

  const showFile = useCallback(
    (p: Project, f: FileState) => {
      shown.current++;
      show(p);
      const s = JSON.stringify(p);
      setKeptSnapshot(s);
      setSavedSnapshot(f.saved ? s : '');
      setFilePath(f.path || undefined);
    },
    [show],
  );

  /** Puts the project on 首页's recent list; when the list refuses it, the user is told why (it stays open). */
  const remember = useCallback(
    (p: Project, path: string | undefined, saved: boolean) =>
      void api
        .recordRecentProject({ project: p, ...(path ? { path } : {}), saved })
        .catch((err: unknown) => message.warning(t('msg.notRemembered', { message: errorText(err, locale) }))),
    [locale, message, t],
  );

  const confirmDiscard = useCallback(
    (then: () => void) => {
      if (!changed) return then();
      modal.confirm({
        title: t('toolbar.unsaved'),
        content: t('msg.discardConfirm'),
        onOk: then,
        okButtonProps: { danger: true },
      });
    },
    [changed, modal, t],
  );

  /** Opens a project file's text; a broken file is reported and changes nothing (not even 最近项目). */
  const openText = useCallback(
    async (text: string, name: string, path?: string) => {
      try {
        const { project: p } = await api.parseProject({ text, fileName: name });
        showFile(p, { ...(path ? { path } : {}), saved: true });
        remember(p, path || undefined, true);
        message.success(t('msg.opened', { name }));
      } catch (err) {
        message.error(t('msg.openFailed', { message: errorText(err, locale) }));
      }
    },
    [locale, message, remember, showFile, t],
  );

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) await openText(await file.text(), file.name);
  };

  /** The desktop app opens a native dialog; the browser its file picker. */
  const openProjectFile = useCallback(
    async (recentPath?: string) => {
      if (!shell.native) return fileInput.current?.click();
      try {
        const f = recentPath ? await shell.openRecent(recentPath) : await shell.openProject();
        if (f) await openText(f.text, f.name, f.path);
      } catch (err) {
        message.error(t('msg.openFailed', { message: errorText(err, locale) }));
      }
    },
    [locale, message, openText, t],
  );

  /**
   * The browser host downloads (a download never overwrites, the browser numbers it), but a name another project of
   * 最近项目 was saved under is still asked about, so two projects never look like one file.
   */
  const nameIsFine = useCallback(
    async (p: Project) => {
      if (shell.native) return true; // the save dialog shows the folder and asks before replacing a file
      const fileName = projectFileName(p, blueprintTitle(p.blueprint));
      const { projects } = await api.listRecentProjects({}).catch(() => ({ projects: [] }));
      const other = sameFileName(projects, p.id, fileName, (e) => projectFileName(e, blueprintTitle(e.blueprint)));
      if (!other) return true;
      return new Promise<boolean>((resolve) =>
        modal.confirm({
          title: t('file.nameTakenTitle'),
          content: t('file.nameTaken', { file: fileName, title: other.title }),
          okText: t('file.saveAnyway'),
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        }),
      );
    },
    [blueprintTitle, modal, t],
  );

  const save = useCallback(
    async (saveAs = false) => {
      if (!project) return;
      try {
        if (!(filePath && !saveAs) && !(await nameIsFine(project))) return;
        const text = `${JSON.stringify(project, null, 2)}\n`;
        const saved = await shell.saveProject(
          text,
          projectFileStem(project, blueprintTitle(project.blueprint)),
          filePath,
          saveAs,
        );
        if (!saved) return;
        const s = JSON.stringify(project);
        setFilePath(saved.path || undefined);
        setSavedSnapshot(s);
        setKeptSnapshot(s);
        remember(project, saved.path || undefined, true);
        message.success(t('msg.saved', { file: saved.path || saved.name }));
      } catch (err) {
        message.error(t('msg.saveFailed', { message: errorMessage(err, locale) }));
      }
    },
    [blueprintTitle, filePath, locale, message, nameIsFine, project, remember, t],
  );

  /** At start: unsaved work from last time comes back, marked 未保存 (the app itself opens on 首页). */
  const restore = useCallback(async () => {
    const rescued = readAutosave(localStorage);
    if (!rescued) return;
    const before = shown.current;
    const { project: p } = await api.parseProject({ text: rescued.text, fileName: rescued.path || 'autosave.bfproj' });
    if (shown.current !== before) return;
    showFile(p, { ...(rescued.path ? { path: rescued.path } : {}), saved: false });
    setKeptSnapshot('');
    message.info(t('msg.restored', { time: formatDateTime(rescued.savedAt) }), 6);
  }, [message, showFile, t]);

  // Autosave a moment after each change; a project that a file or 最近项目 holds as it is needs none.
  const [autosaveFailed, setAutosaveFailed] = useState(false);
  useEffect(() => {
    if (!project) return;
    if (!changed) return clearAutosave(localStorage);
    const timer = setTimeout(() => {
      const ok = writeAutosave(localStorage, current, filePath, new Date());
      if (!ok && !autosaveFailed) message.warning(t('msg.autosaveFailed'));
      setAutosaveFailed(!ok);
    }, 800);
    return () => clearTimeout(timer);
  }, [project, current, changed, filePath, autosaveFailed, message, t]);

  const fileName = project
    ? filePath
      ? filePath.split(/[\\/]/).pop()
      : projectFileName(project, blueprintTitle(project.blueprint))
    : undefined;
  return {
    dirty,
    savedSnapshot,
    fileName,
    fileInput,
    showFile,
    confirmDiscard,
    openText,
    onFile,
    openProjectFile,
    save,
    restore,
  };
}

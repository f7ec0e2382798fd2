// The application menu as plain data: the main process turns it into a Menu, tests read it without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../core/shell/bridge.js';

export type MenuLang = 'zh-CN' | 'en';

const LABELS = {
  'zh-CN': {
    file: '文件',
    new: '新建…',
    open: '打开…',
    continue: '继续上次的项目',
    recent: '最近文件',
    noRecent: '（无）',
    save: '保存',
    saveAs: '另存为…',
    exportDocx: '导出 DOCX…',
    exportPdf: '导出 PDF…',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    home: '首页',
    composer: '编制',
    library: '条款库',
    cards: '保修卡',
    settings: '设置',
    reload: '重新载入',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullscreen: '全屏',
    help: '帮助',
    about: '关于标书工坊',
    docs: '使用说明',
  },
  en: {
    file: 'File',
    new: 'New…',
    open: 'Open…',
    continue: 'Continue Last Project',
    recent: 'Open Recent',
    noRecent: '(none)',
    save: 'Save',
    saveAs: 'Save As…',
    exportDocx: 'Export DOCX…',
    exportPdf: 'Export PDF…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    home: 'Home',
    composer: 'Composer',
    library: 'Clause library',
    cards: 'Warranty cards',
    settings: 'Settings',
    reload: 'Reload',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullscreen: 'Full Screen',
    help: 'Help',
    about: 'About BidForge',
    docs: 'User guide',
  },
} as const;

export const SCREENS = ['home', 'composer', 'library', 'cards', 'settings'] as const;

export type MenuOptions = {
  lang: MenuLang;
  recent: RecentFile[];
  /** Sends a command to the renderer, which owns the project being edited. */
  send: (c: MenuCommand) => void;
  about: () => void;
  isMac: boolean;
  dev: boolean;
};

export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const L = LABELS[o.lang];
  const cmd = (
    label: string,
    command: MenuCommand['command'],
    accelerator?: string,
    arg?: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => o.send(arg === undefined ? { command } : { command, arg }),
  });
  const recent: MenuItemConstructorOptions[] = o.recent.length
    ? o.recent.map((f) => cmd(f.name, 'open', undefined, f.path))
    : [{ label: L.noRecent, enabled: false }];
  return [
    ...(o.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: L.file,
      submenu: [
        cmd(L.new, 'new', 'CmdOrCtrl+N'),
        cmd(L.open, 'open', 'CmdOrCtrl+O'),
        cmd(L.continue, 'continue', 'CmdOrCtrl+Shift+T'),
        { label: L.recent, submenu: recent },
        { type: 'separator' },
        cmd(L.save, 'save', 'CmdOrCtrl+S'),
        cmd(L.saveAs, 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        cmd(L.exportDocx, 'exportDocx', 'CmdOrCtrl+Shift+E'),
        cmd(L.exportPdf, 'exportPdf', 'CmdOrCtrl+E'),
        ...(o.isMac
          ? []
          : [{ type: 'separator' as const }, { label: L.quit, role: 'quit' as const, accelerator: 'Ctrl+Q' }]),
      ],
    },
    {
      label: L.edit,
      submenu: [
        // Native roles: a text field undoes its typing; the renderer's own project undo listens to the same keys outside fields.
        { label: L.undo, role: 'undo' },
        { label: L.redo, role: 'redo' },
        { type: 'separator' },
        { label: L.cut, role: 'cut' },
        { label: L.copy, role: 'copy' },
        { label: L.paste, role: 'paste' },
        { label: L.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: L.view,
      submenu: [
        ...SCREENS.map((s, i) => cmd(L[s], 'screen', `CmdOrCtrl+${i + 1}`, s)),
        { type: 'separator' },
        { label: L.zoomIn, role: 'zoomIn' },
        { label: L.zoomOut, role: 'zoomOut' },
        { label: L.resetZoom, role: 'resetZoom' },
        { label: L.fullscreen, role: 'togglefullscreen' },
        ...(o.dev
          ? [
              { type: 'separator' as const },
              { label: L.reload, role: 'reload' as const },
              { role: 'toggleDevTools' as const },
            ]
          : []),
      ],
    },
    { label: L.help, submenu: [{ label: L.about, click: o.about }] },
  ];
}

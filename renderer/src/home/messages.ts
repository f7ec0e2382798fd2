// Projects as documents (首页's 「继续上次的项目」, file names, the save state), spread into i18n.ts.
export const projectMessagesZh = {
  'home.continue': '继续上次的项目',
  'home.continueEditing': '继续编辑',
  'home.lastProject': '上次的项目',
  'home.editing': '正在编辑',
  'home.continueNone': '还没有上次的项目',
  'home.continueShortcut': '快捷键 {keys}',
  'home.notSaved': '未保存',
  'file.goHome': '去首页',
  'file.nameTakenTitle': '文件名已被另一个项目使用',
  'file.nameTaken':
    '最近项目中的「{title}」已保存为「{file}」。仍以这个名字保存吗？（浏览器不会覆盖已下载的文件，会在名字后加编号。）',
  'file.saveAnyway': '仍然保存',
} as const;

export const projectMessagesEn: Record<keyof typeof projectMessagesZh, string> = {
  'home.continue': 'Continue the last project',
  'home.continueEditing': 'Continue editing',
  'home.lastProject': 'Last project',
  'home.editing': 'Being edited',
  'home.continueNone': 'No last project yet',
  'home.continueShortcut': 'Shortcut {keys}',
  'home.notSaved': 'Unsaved',
  'file.goHome': 'Go to Home',
  'file.nameTakenTitle': 'Another project uses this file name',
  'file.nameTaken':
    '“{title}” in Recent projects was saved as “{file}”. Save under this name anyway? (The browser never overwrites a download; it numbers the new one.)',
  'file.saveAnyway': 'Save anyway',
};

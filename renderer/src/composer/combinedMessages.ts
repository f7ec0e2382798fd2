// 合订本 (one bid package, one file): the export option's strings, spread into the composer's messages.
export const combinedMessagesZh = {
  'combined.button': '合订本',
  'combined.title': '合订本：全部文件合为一个文件',
  'combined.hint':
    '一个封面、一个目录，按投标文件包的顺序包含全部 {count} 份文件，每份从新页开始；单独的文件照常导出。',
  'combined.pages': '页码',
  'combined.continuous': '连续编号',
  'combined.perPart': '每份文件从第 1 页起',
  'combined.pdf': '导出合订本 PDF',
  'combined.docx': '导出合订本 DOCX',
} as const;

export const combinedMessagesEn: Record<keyof typeof combinedMessagesZh, string> = {
  'combined.button': 'Combined',
  'combined.title': 'Combined: every document in one file',
  'combined.hint':
    'One cover and one table of contents over all {count} documents in the package’s order, each from a new page; the separate files export as before.',
  'combined.pages': 'Page numbers',
  'combined.continuous': 'Continuous',
  'combined.perPart': 'From 1 in each document',
  'combined.pdf': 'Export combined PDF',
  'combined.docx': 'Export combined DOCX',
};

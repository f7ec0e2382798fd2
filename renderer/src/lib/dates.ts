// Dates on screen in one format whatever the UI language: the zh-CN date format of Ant Design's locale
// (2026-11-24), so an English UI never shows 11/24/2026 beside the documents' Chinese dates.
import zhCN from 'antd/es/locale/zh_CN';

/** The date field format of the zh-CN picker locale (rc-picker's default when the locale names none). */
export const DATE_FORMAT: string =
  (zhCN.DatePicker?.lang as { fieldDateFormat?: string } | undefined)?.fieldDateFormat ?? 'YYYY-MM-DD';

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment (ISO string or epoch ms) as 2026-11-24 09:05, in local time. */
export function formatDateTime(at: string | number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

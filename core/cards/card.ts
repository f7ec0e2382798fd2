// What one printed card shows, independent of PDF or DOCX: its labelled fields, component periods and terms.
import { formatDate } from '../format/zh.js';
import { componentPeriods } from './dates.js';
import { qrText } from './qr.js';
import type { CardRow } from './read.js';
import type { CardTemplate } from './template.js';

export const CARD_LAYOUTS = ['a5', 'a4x2', 'a4-grid'] as const;
/** a5: one card per A5 page · a4x2: two A5 cards side by side on landscape A4 with a cut line · a4-grid: one card per A4 with a repair-record grid. */
export type CardLayout = (typeof CARD_LAYOUTS)[number];

export type CardRenderOptions = {
  layout?: CardLayout;
  /** Print a QR code of the serial number and hotline. */
  qr?: boolean;
  /** Label of the date field: "购买日期" (default) or "安装日期". */
  dateLabel?: string;
};

export type CardView = {
  title: string;
  company: string;
  hotline: string;
  serviceHours: string;
  serial: string;
  /** Label/value pairs, two per table row; a pair with `wide` takes a whole row. */
  fields: { label: string; value: string; wide?: boolean }[];
  periods: { name: string; label: string; end: string }[];
  terms: { title: string; lines: string[] }[];
  stampLabel: string;
  qr?: string;
};

export const REPAIR_GRID_HEADER = ['维修日期', '故障现象', '处理措施', '维修工程师', '用户签字'] as const;
export const REPAIR_GRID_ROWS = 8;

export function cardView(row: CardRow, t: CardTemplate, opts: CardRenderOptions = {}): CardView {
  return {
    title: t.title,
    company: t.company,
    hotline: t.hotline,
    serviceHours: t.serviceHours,
    serial: row.serial,
    fields: [
      { label: '客户名称', value: row.customer },
      { label: '联系电话', value: row.phone },
      { label: '联系地址', value: row.address, wide: true },
      { label: '产品名称', value: row.product },
      { label: '产品型号', value: row.model },
      { label: '机身编号', value: row.serial },
      { label: opts.dateLabel ?? '购买日期', value: formatDate(row.date) },
      { label: '经销商', value: row.dealer, wide: true },
    ],
    periods: componentPeriods(t, row.date).map((p) => ({ name: p.name, label: p.label, end: formatDate(p.end) })),
    terms: [
      { title: '保修范围', lines: t.coverage },
      { title: '不属保修范围（可提供有偿服务）', lines: t.exclusions },
      { title: '保修申请', lines: t.claim },
      { title: '三包规定', lines: t.sanbao },
    ].filter((s) => s.lines.length > 0),
    stampLabel: t.dealerStampLabel,
    ...(opts.qr ? { qr: qrText(row.serial, t.hotline) } : {}),
  };
}

/** Field pairs grouped into table rows: two pairs a row, a wide pair alone. */
export function fieldRows(fields: CardView['fields']): CardView['fields'][] {
  const rows: CardView['fields'][] = [];
  let cur: CardView['fields'] = [];
  for (const f of fields) {
    if (f.wide) {
      if (cur.length) rows.push(cur);
      rows.push([f]);
      cur = [];
    } else {
      cur.push(f);
      if (cur.length === 2) {
        rows.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) rows.push(cur);
  return rows;
}

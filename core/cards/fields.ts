// Card fields and how spreadsheet headers map to them: by common Chinese/English names, or by an explicit mapping.
import { BidForgeError, type Problem } from '../model/problem.js';
import { cardRefusal } from './cardsText.js';

export const CARD_FIELDS = ['customer', 'phone', 'address', 'product', 'model', 'serial', 'date', 'dealer'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** What a user calls each field (in messages when the file has no such column, and on the card). */
export const FIELD_LABELS: Record<CardField, string> = {
  customer: '客户名称',
  phone: '联系电话',
  address: '地址',
  product: '产品名称',
  model: '型号',
  serial: '序列号',
  date: '购买日期',
  dealer: '经销商',
};

/** field → header text in the data file, e.g. { serial: '机器码', date: '开票日期' }. */
export type CardMapping = Partial<Record<CardField, string>>;

/** Headers that name a field outright (compared after normalising, see normHeader). */
const EXACT: Record<CardField, string[]> = {
  customer: [
    '客户',
    '客户名称',
    '客户姓名',
    '姓名',
    '用户',
    '用户名称',
    '用户姓名',
    '顾客',
    '顾客姓名',
    '购买人',
    '购机人',
    '购买单位',
    '单位名称',
    '收货人',
    'customer',
    'customername',
    'name',
    'client',
    'buyer',
  ],
  phone: [
    '电话',
    '联系电话',
    '手机',
    '手机号',
    '手机号码',
    '电话号码',
    '客户电话',
    '联系方式',
    '联系人电话',
    'phone',
    'tel',
    'telephone',
    'mobile',
    'phonenumber',
    'phoneno',
    'contact',
  ],
  address: ['地址', '联系地址', '客户地址', '安装地址', '详细地址', '收货地址', '用户地址', 'address', 'addr'],
  product: ['产品', '产品名称', '品名', '商品', '商品名称', '设备名称', '产品类别', 'product', 'productname', 'item'],
  model: ['型号', '产品型号', '规格型号', '机型', '规格', 'model', 'modelno', 'modelnumber'],
  serial: [
    '序列号',
    '机身编号',
    '机身号',
    '机器编号',
    '产品编号',
    '出厂编号',
    '设备编号',
    '产品序列号',
    '条码',
    'sn',
    's/n',
    'serial',
    'serialno',
    'serialnumber',
  ],
  date: [
    '购买日期',
    '安装日期',
    '日期',
    '购机日期',
    '销售日期',
    '售出日期',
    '开票日期',
    'date',
    'purchasedate',
    'installdate',
    'installationdate',
    'saledate',
    'dateofpurchase',
  ],
  dealer: [
    '经销商',
    '销售商',
    '经销单位',
    '销售单位',
    '代理商',
    '经销商名称',
    '销售网点',
    'dealer',
    'seller',
    'reseller',
    'distributor',
    'retailer',
  ],
};

/** Chinese fragments that make a longer header name a field ("客户联系电话", "安装完成日期"); tried in this field order. */
const CONTAINS: [CardField, string[]][] = [
  ['phone', ['电话', '手机']],
  ['date', ['日期']],
  ['serial', ['序列号', '机身号', '机身编号', '出厂编号', '条码']],
  ['model', ['型号']],
  ['address', ['地址']],
  ['dealer', ['经销', '销售商', '代理商']],
  ['product', ['产品', '品名', '设备名称']],
  ['customer', ['客户', '姓名', '用户', '顾客']],
];

/** "＊客户名称（必填）" → "客户名称", " Serial No. " → "serialno". */
export function normHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*:：._\-#№]+/g, '');
}

const exactIndex = new Map<string, CardField>();
for (const f of CARD_FIELDS) for (const h of EXACT[f]) exactIndex.set(normHeader(h), f);

/** How many different fields a row of header cells would map (to choose the header row). */
export function headerScore(cells: string[], mapping: CardMapping = {}): number {
  const wanted = new Set(Object.values(mapping).map((h) => normHeader(h ?? '')));
  const found = new Set<string>();
  for (const c of cells) {
    const n = normHeader(c);
    if (!n) continue;
    if (wanted.has(n)) found.add(`map:${n}`);
    const f = exactIndex.get(n) ?? CONTAINS.find(([, frags]) => frags.some((x) => n.includes(x)))?.[0];
    if (f) found.add(f);
  }
  return found.size;
}

export type ColumnMap = Partial<Record<CardField, number>>;

/**
 * Which column index holds each field: explicit mapping first, then exact header names, then headers containing a
 * field's word. Each column serves one field. Throws on a mapping that names a column the file does not have.
 */
export function mapColumns(headers: string[], mapping: CardMapping = {}, file?: string): ColumnMap {
  const norm = headers.map(normHeader);
  const used = new Set<number>();
  const out: ColumnMap = {};
  const problems: Problem[] = [];
  for (const f of CARD_FIELDS) {
    const want = mapping[f];
    if (want === undefined || want === '') continue;
    const i = norm.findIndex((h, i) => !used.has(i) && h === normHeader(want));
    if (i < 0) {
      problems.push({
        severity: 'error',
        code: 'card_mapping_unknown_column',
        message: `列映射：${FIELD_LABELS[f]}（${f}）映射到“${want}”，但文件中没有这一列（表头：${headers.filter(Boolean).join('、')}）`,
        params: { label: FIELD_LABELS[f], column: want, headers: headers.filter(Boolean).join(', ') },
        ...(file ? { file } : {}),
        field: f,
      });
      continue;
    }
    out[f] = i;
    used.add(i);
  }
  if (problems.length) throw new BidForgeError('card_bad_mapping', problems.map((p) => p.message).join('；'), problems);
  for (const f of CARD_FIELDS) {
    if (out[f] !== undefined) continue;
    const i = norm.findIndex((h, i) => !used.has(i) && exactIndex.get(h) === f);
    if (i >= 0) {
      out[f] = i;
      used.add(i);
    }
  }
  for (const [f, frags] of CONTAINS) {
    if (out[f] !== undefined) continue;
    const i = norm.findIndex(
      (h, i) => !used.has(i) && h !== '' && exactIndex.get(h) === undefined && frags.some((x) => h.includes(x)),
    );
    if (i >= 0) {
      out[f] = i;
      used.add(i);
    }
  }
  return out;
}

/**
 * A mapping as typed on a command line: "serial=机器码,date=开票日期" (also with "：" or "，", and Chinese field
 * labels such as 序列号=机器码). Throws on an unknown field.
 */
export function parseMapping(text: string): CardMapping {
  const out: CardMapping = {};
  const byLabel = new Map<string, CardField>(CARD_FIELDS.map((f) => [FIELD_LABELS[f], f]));
  for (const part of text
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^=:：]+)[=:：](.+)$/.exec(part);
    const key = m?.[1]?.trim() ?? '';
    const field = (CARD_FIELDS as readonly string[]).includes(key) ? (key as CardField) : byLabel.get(key);
    if (!m || !field)
      throw cardRefusal(
        'card_bad_mapping',
        `列映射“${part}”无法识别：请写成 字段=表头，字段可用 ${CARD_FIELDS.join('、')}（或 ${CARD_FIELDS.map((f) => FIELD_LABELS[f]).join('、')}）`,
        { why: 'syntax', part, fields: CARD_FIELDS.join(', ') },
      );
    out[field] = m[2]!.trim();
  }
  return out;
}

import { writeFileSync } from 'node:fs';
import { loadCardTemplate } from '../core/cards/template.js';
import { renderCardsPdf } from '../core/cards/pdf.js';
import type { CardRow } from '../core/cards/read.js';
const t = await loadCardTemplate();
const rows: CardRow[] = [1,2,3].map(i => ({ row: i+1, customer: `张三${i}`, phone: '13800138000', address: '上海市浦东新区张江高科技园区碧波路 690 号 3 号楼 502 室', product: '空气源热泵热水机', model: 'KRS-35II/A', serial: `HX2026110${i}`, date: '2024-02-29', dealer: '上海浦江制冷设备销售有限公司' }));
for (const layout of ['a5','a4x2','a4-grid'] as const) {
  const t0 = performance.now();
  const pdf = await renderCardsPdf(rows, t, { layout, qr: true });
  console.log(layout, pdf.length, Math.round(performance.now()-t0));
  writeFileSync(`/tmp/cards/${layout}.pdf`, pdf);
}

// Warranty cards (保修卡) in batches: data file → validated rows → one PDF/DOCX (and one file per card on request).
export {
  CARD_LAYOUTS,
  cardView,
  printedFields,
  REPAIR_GRID_ROWS,
  type CardLayout,
  type CardRenderOptions,
  type CardView,
  type TemplateOf,
} from './card.js';
export { cardLabels, templateInScript, type CardScript } from './script.js';
export { checkXlsxLimits, XLSX_LIMITS } from './zipLimits.js';
export {
  componentPeriods,
  excelSerialToIso,
  parseCardDate,
  periodLabel,
  warrantyEnd,
  type ComponentPeriod,
} from './dates.js';
export { renderCardsDocx } from './docx.js';
export {
  CARD_FIELDS,
  FIELD_LABELS,
  mapColumns,
  normHeader,
  parseMapping,
  type CardField,
  type CardMapping,
} from './fields.js';
export {
  cardFileName,
  cardFileNames,
  checkNamePattern,
  DEFAULT_NAME_PATTERN,
  NAME_PLACEHOLDERS,
  sanitizeFileName,
  writeCardFiles,
  type CardFormat,
  type WriteCardFilesOptions,
} from './files.js';
export { cardsPdfDefinition, renderCardsPdf } from './pdf.js';
export {
  decodeText,
  readCardRows,
  REQUIRED_FIELDS,
  rowsFromGrid,
  type CardProblem,
  type CardRow,
  type ReadCardsResult,
} from './read.js';
export {
  cardTemplateSchema,
  defaultTemplatesDir,
  loadCardTemplate,
  loadCardTemplates,
  parseCardTemplate,
  withComponents,
  type CardComponent,
  type CardTemplate,
} from './template.js';

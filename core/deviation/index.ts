// The deviation table (偏离表): requirements, computed deviations, recognition from tender text.
export {
  requirementSchema,
  REQUIREMENT_OPS,
  DEVIATIONS,
  type Requirement,
  type RequirementOp,
  type Deviation,
} from './schema.js';
export {
  compareFigures,
  evaluateRequirements,
  deviationTableCells,
  responseText,
  figureOf,
  DEVIATION_TABLE_HEADER,
  type DeviationRow,
  type DeviationIssue,
  type DeviationOptions,
} from './compute.js';
export { recognizeRequirements, PATTERNS, type RequirementProposal } from './recognize.js';
export { comparable, normalizeUnit, formatQuantity, type Quantity } from './units.js';
export { findQuantities, parseChineseNumber } from './quantities.js';

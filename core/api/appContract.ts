// Former home of the 首页, 设置 and 保修卡 contracts, kept as an import path for the renderer's screens: the contracts
// are core/settings/contract.ts and core/cards/contract.ts. New code imports from there.
export {
  CARD_FILE_MAX_BYTES,
  CARD_LAYOUTS as CARD_LAYOUT_IDS,
  PROBLEMS_SHOWN,
  type CardBatchTemplate,
  type CardPreview,
  type CardRowProblem,
  type ExportCardsResult,
  type ParseCardsResult,
} from '../cards/contract.js';
export type { BackupInfo, SettingsNotice } from '../settings/contract.js';

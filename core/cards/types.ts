// What a warranty card shows, as plain types and constants (no Node, no rendering): the printers (card.ts, pdf.ts,
// docx.ts) and the app's preview (core/cards/contract.ts) share them, so the preview cannot restate the card.
import type { CardField } from './fields.js';

export const CARD_LAYOUTS = ['a5', 'a4x2', 'a4-grid'] as const;
/** a5: one card per A5 page · a4x2: two A5 cards side by side on landscape A4 with a cut line · a4-grid: one card per A4 with a repair-record grid. */
export type CardLayout = (typeof CARD_LAYOUTS)[number];

/** One labelled value; a `wide` one takes a whole row of the fields table. */
export type CardFieldValue = { field: CardField; label: string; value: string; wide?: boolean };
/** One component's warranty: its name, its length in the card's words (24个月) and its end date. */
export type CardPeriodLine = { name: string; label: string; end: string };

/** The values a card prints, however it is shown: PDF, DOCX or the app's preview. */
export type CardFace = {
  title: string;
  company: string;
  hotline: string;
  serviceHours: string;
  serial: string;
  /** Label/value pairs, two per table row. */
  fields: CardFieldValue[];
  periods: CardPeriodLine[];
};

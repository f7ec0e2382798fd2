// Page and font measures the PDF mapper and its layout rules share.

export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };
/** Line height of the embedded Noto fonts in em ((ascent − descent) / units per em); pdfmake's lineHeight multiplies it. */
export const FONT_LINE_EM = 1.437;

// Word import's refusals in English, by code (core writes them in Chinese): for the CLI's --lang en and the app's
// English UI. Pure: the renderer imports it.
type Params = Record<string, unknown>;

const EN: Record<string, (p: Params) => string> = {
  word_not_docx: (p) => `${p.fileName} is not a Word document (DOCX); import it as DOCX`,
  word_unreadable: (p) => `${p.fileName} cannot be read: it is not a valid DOCX file (${p.why ?? ''})`,
  word_too_large: (p) =>
    `${p.fileName} is too large (over ${p.maxMb} MB); remove images or split it, then import again`,
  word_too_much_text: (p) => `${p.fileName} has more than ${p.max} characters of text; split it and import the parts`,
  word_old_format: (p) =>
    `${p.fileName} is an old Word (.doc) or WPS (.wps) file; save it as DOCX in Word or WPS and import that (with LibreOffice installed it is converted automatically)`,
  word_convert_failed: (p) =>
    `LibreOffice could not convert ${p.fileName} to DOCX; save it as DOCX in Word or WPS and import that`,
};

/** A refusal in the reader's language: the Chinese message as core wrote it, or its English wording by code. */
export function wordErrorText(e: { code?: string; message: string; params?: Params }, lang: 'zh' | 'en'): string {
  const en = lang === 'en' && e.code ? EN[e.code] : undefined;
  return en ? en(e.params ?? {}) : e.message;
}

export const isWordError = (code: unknown) => typeof code === 'string' && code.startsWith('word_');

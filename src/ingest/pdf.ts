// PDF to text: the text layer through unpdf, which bundles Mozilla's pdf.js (the reader in
// Firefox) for Node without a canvas or network. Scans without a text layer are refused: trawl
// does no OCR.
import { getDocumentProxy, extractText, getMeta } from 'unpdf';
import { InputError } from '../node/input.js';

export interface PdfText {
  text: string;
  title?: string;
  /** The document's creation date (YYYY-MM-DD), when its metadata has one. */
  created?: string;
}

/** pdf.js dates look like D:20240315120000Z. */
function pdfDay(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export async function pdfToText(bytes: Uint8Array, source: string): Promise<PdfText> {
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false });
  } catch (e) {
    throw new InputError(source, `is not a readable PDF (${(e as Error).message.replace(/\.$/, '')})`);
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const joined = text.map((page) => page.trim()).filter(Boolean).join('\n\n');
    if (!joined.trim()) throw new InputError(source, 'is a PDF without a text layer (a scan?): run OCR on it first');
    const info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>;
    const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { text: joined, title, created: pdfDay(info.CreationDate) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(source, `is a PDF whose text cannot be read (${(e as Error).message.replace(/\.$/, '')})`);
  } finally {
    await pdf.destroy();
  }
}

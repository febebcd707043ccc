/** Every PDF starts with `%PDF-` (ISO 32000-1 §7.5.2). */
const PDF_MAGIC = Buffer.from('%PDF-', 'ascii');

/** True when the bytes are a PDF by their magic number, whatever the client claimed. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > PDF_MAGIC.length && Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC);
}

/** Largest upload accepted, in bytes. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

/** Pages of a PDF made by pdfmake (pdfkit writes page objects uncompressed); null for other files. */
export function countPages(bytes: Uint8Array, file: string): number | null {
  if (!file.endsWith('.pdf')) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(/\/Type \/Page\b/g)?.length ?? 0;
}

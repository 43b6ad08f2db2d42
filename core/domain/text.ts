// Normalising text typed by people or exported from Excel: full-width characters, odd spaces, BOM.

/** Full-width ASCII (U+FF01–U+FF5E) to half-width; ideographic space to a plain space. */
export function toHalfWidth(s: string): string {
  // One native scan that touches only what it changes (every cell of an import passes here). All
  // of these are single UTF-16 units, so no surrogate pair is ever split.
  return s.replace(FULL_WIDTH, halfOf);
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const halfOf = (ch: string): string => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Trim, drop a BOM and zero-width characters, collapse runs of whitespace to one space. */
export function cleanCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return toHalfWidth(s.replace(/[\uFEFF\u200B-\u200D\u2060]/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A person's name as it is compared: no spaces at all (Excel rosters often write "王  芳"). */
export function normaliseName(s: string): string {
  return cleanCell(s).replace(/\s+/g, '').replace(/[•・]/g, '·');
}

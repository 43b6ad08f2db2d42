// Normalising text typed by people or exported from Excel: full-width characters, odd spaces, BOM.

/** Full-width ASCII (U+FF01–U+FF5E) to half-width; ideographic space to a plain space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

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

// Pictures members and organisers upload (check-in photos, event covers, post pictures): one
// size limit for all of them, and the check that the bytes are an image whatever the file is called.
// The check walks the file's whole container structure (chunks, segments, blocks) without decoding
// a pixel: a file that only starts like an image (a PNG signature followed by a page or a script)
// is refused, and it stays cheap enough to run on every check-in photo.

/** The largest picture accepted anywhere: phones check it before uploading, the server after. */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

/** The limit in words, for messages: '4MB'. */
export const MAX_IMAGE_TEXT = `${MAX_IMAGE_BYTES / 1024 / 1024}MB`;

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp';

/** The kind the first bytes announce (a quick guess: checkImage decides whether it is one). */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const at = (i: number) => bytes[i];
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => at(i) === b)) return 'png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(latin1(bytes, 0, 6))) return 'gif';
  if (bytes.length >= 12 && latin1(bytes, 0, 4) === 'RIFF' && latin1(bytes, 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** The kind when the bytes are one whole, well-formed image of that kind, from start to end; else null. */
export function checkImage(bytes: Uint8Array): ImageKind | null {
  const kind = sniffImage(bytes);
  switch (kind) {
    case 'png':
      return wellFormedPng(bytes) ? kind : null;
    case 'jpeg':
      return wellFormedJpeg(bytes) ? kind : null;
    case 'gif':
      return wellFormedGif(bytes) ? kind : null;
    case 'webp':
      return wellFormedWebp(bytes) ? kind : null;
    default:
      return null;
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

function u32le(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(b: Uint8Array, from: number, to: number): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Signature, then chunks each with a sound length and CRC: IHDR first, IDAT, IEND last and nothing after it. */
function wellFormedPng(b: Uint8Array): boolean {
  let i = 8;
  let first = true;
  let sawData = false;
  while (i + 12 <= b.length) {
    const length = u32be(b, i);
    const type = latin1(b, i + 4, i + 8);
    const end = i + 12 + length;
    if (length > 0x7fffffff || end > b.length || !/^[A-Za-z]{4}$/.test(type)) return false;
    if (crc32(b, i + 4, i + 8 + length) !== u32be(b, i + 8 + length)) return false;
    if (first) {
      if (type !== 'IHDR' || length !== 13 || u32be(b, i + 8) === 0 || u32be(b, i + 12) === 0) return false;
      first = false;
    } else if (type === 'IHDR') return false;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return length === 0 && sawData && end === b.length;
    i = end;
  }
  return false;
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** SOI, marker segments of sound lengths, a frame header, scan data, EOI at the end (zero padding only after it). */
function wellFormedJpeg(b: Uint8Array): boolean {
  let i = 2;
  let sawFrame = false;
  let sawScan = false;
  while (i < b.length) {
    if (b[i] !== 0xff) return false;
    while (i < b.length && b[i] === 0xff) i++; // fill bytes before a marker
    if (i >= b.length) return false;
    const marker = b[i++];
    if (marker === 0xd9) {
      if (!sawFrame || !sawScan) return false;
      for (; i < b.length; i++) if (b[i] !== 0) return false;
      return true;
    }
    if (marker === 0x00 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) return false;
    if (marker === 0x01) continue; // TEM: no length
    if (i + 2 > b.length) return false;
    const length = (b[i] << 8) | b[i + 1];
    if (length < 2 || i + length > b.length) return false;
    if (isSof(marker)) sawFrame = true;
    i += length;
    if (marker === 0xda) {
      if (!sawFrame) return false;
      sawScan = true;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      for (;;) {
        if (i >= b.length) return false;
        if (b[i] !== 0xff) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < b.length && b[j] === 0xff) j++;
        if (j >= b.length) return false;
        if (b[j] === 0x00 || (b[j] >= 0xd0 && b[j] <= 0xd7)) {
          i = j + 1;
          continue;
        }
        i = j - 1; // at the 0xFF of the next marker
        break;
      }
    }
  }
  return false;
}

/** Sub-blocks (a length byte, that many bytes) up to the zero terminator: the offset after it, or -1. */
function skipSubBlocks(b: Uint8Array, i: number): number {
  while (i < b.length) {
    const size = b[i];
    if (size === 0) return i + 1;
    i += 1 + size;
  }
  return -1;
}

/** Header, logical screen and colour table, then images and extensions to the trailer, which ends the file. */
function wellFormedGif(b: Uint8Array): boolean {
  if (b.length < 13) return false;
  const width = b[6] | (b[7] << 8);
  const height = b[8] | (b[9] << 8);
  if (width === 0 || height === 0) return false;
  let i = 13;
  if (b[10] & 0x80) i += 3 * (1 << ((b[10] & 7) + 1));
  let images = 0;
  while (i < b.length) {
    const block = b[i];
    if (block === 0x3b) return images > 0 && i + 1 === b.length;
    if (block === 0x21) {
      if (i + 2 > b.length) return false;
      i = skipSubBlocks(b, i + 2);
    } else if (block === 0x2c) {
      if (i + 11 > b.length) return false;
      const packed = b[i + 9];
      i += 10;
      if (packed & 0x80) i += 3 * (1 << ((packed & 7) + 1));
      if (i >= b.length || b[i] < 2 || b[i] > 11) return false; // LZW minimum code size
      i = skipSubBlocks(b, i + 1);
      images++;
    } else return false;
    if (i < 0) return false;
  }
  return false;
}

/** RIFF size equal to the file's, chunks that fill it exactly, and a VP8, VP8L or VP8X image chunk. */
function wellFormedWebp(b: Uint8Array): boolean {
  if (b.length < 20 || u32le(b, 4) + 8 !== b.length) return false;
  let i = 12;
  let first: string | null = null;
  let image = false;
  while (i < b.length) {
    if (i + 8 > b.length) return false;
    const type = latin1(b, i, i + 4);
    const size = u32le(b, i + 4);
    const data = i + 8;
    const end = data + size + (size & 1);
    if (!/^[A-Z0-9 ]{4}$/i.test(type) || end > b.length) return false;
    if (first === null) {
      first = type;
      if (type !== 'VP8 ' && type !== 'VP8L' && type !== 'VP8X') return false;
    }
    // A lossy key frame carries its start code; a lossless stream its signature byte.
    if (type === 'VP8 ') image = size >= 10 && b[data + 3] === 0x9d && b[data + 4] === 0x01 && b[data + 5] === 0x2a;
    else if (type === 'VP8L') image = size >= 5 && b[data] === 0x2f;
    else if (type === 'ANMF' && first === 'VP8X') image = true;
    i = end;
  }
  return image && i === b.length;
}

// Pictures members and organisers upload (check-in photos, event covers, post pictures): one
// size limit for all of them, and the check that the bytes are an image whatever the file is called.

/** The largest picture accepted anywhere: phones check it before uploading, the server after. */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

/** The limit in words, for messages: '4MB'. */
export const MAX_IMAGE_TEXT = `${MAX_IMAGE_BYTES / 1024 / 1024}MB`;

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp';

export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const at = (i: number) => bytes[i];
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'png';
  if (bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 6)).match(/^GIF8[79]a$/)) return 'gif';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'webp';
  return null;
}

// The one check that uploaded bytes are a picture (core/domain/images.ts).
import { sniffImage } from '../../core/domain/images';

describe('photo bytes', () => {
  it('recognise JPEG, PNG, GIF and WebP by their signature, whatever the file is called', () => {
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
    expect(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImage(new TextEncoder().encode('GIF89a....'))).toBe('gif');
    expect(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImage(new TextEncoder().encode('<svg onload="x()">'))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(sniffImage(new Uint8Array(0))).toBeNull();
  });
});

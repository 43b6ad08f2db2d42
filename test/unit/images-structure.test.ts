// checkImage (core/domain/images.ts): a picture is accepted only when its whole container is well
// formed, from the signature to the end marker; a file that only starts like one is refused.
import { checkImage } from '../../core/domain/images';
import { crc32, encodePng } from '../../localcloud/png';

const png = encodePng(2, 2, 6, Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 255, 0, 255, 0, 0, 255, 0, 0, 255]));

/** A 1×1 greyscale baseline JPEG written by hand: one DC and one AC code, both a single bit. */
function jpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), // JFIF
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]), // quantisation table 0
    ...segment(0xc0, [0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]), // 1×1, one component
    ...segment(0xc4, [0x00, 0x01, ...new Array(15).fill(0), 0x00]), // DC table: category 0 = '0'
    ...segment(0xc4, [0x10, 0x01, ...new Array(15).fill(0), 0x00]), // AC table: EOB = '0'
    ...segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    0x3f, // DC 0, EOB, padded with ones
    0xff, 0xd9,
  ]);
}

/** A 1×1 GIF89a with a two-colour global table. */
function gif(): Buffer {
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    Buffer.from([0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]),
    Buffer.from([0xff, 0x00, 0x00, 0x00, 0x00, 0x00]),
    Buffer.from([0x21, 0xf9, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00]), // graphic control extension
    Buffer.from([0x2c, 0, 0, 0, 0, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0x02, 0x02, 0x44, 0x01, 0x00]), // LZW: clear, index 0, end
    Buffer.from([0x3b]),
  ]);
}

function riff(chunks: Array<[string, Buffer]>): Buffer {
  const body = Buffer.concat(
    chunks.map(([type, data]) => {
      const head = Buffer.alloc(8);
      head.write(type, 0, 'latin1');
      head.writeUInt32LE(data.length, 4);
      return Buffer.concat([head, data, Buffer.alloc(data.length & 1)]);
    }),
  );
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** A lossy key frame header (frame tag, start code, 1×1) and a lossless stream's signature and size. */
const vp8 = Buffer.from([0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00]);
const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

function withChunk(base: Buffer, at: number, type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return Buffer.concat([base.subarray(0, at), chunk, base.subarray(at)]);
}

describe('checkImage', () => {
  it('accepts whole PNG, JPEG, GIF and WebP images', () => {
    expect(checkImage(png)).toBe('png');
    expect(checkImage(encodePng(1, 1, 0, Buffer.from([0, 128])))).toBe('png');
    expect(checkImage(jpeg())).toBe('jpeg');
    expect(checkImage(Buffer.concat([jpeg(), Buffer.alloc(16)]))).toBe('jpeg'); // zero padding after EOI
    expect(checkImage(gif())).toBe('gif');
    expect(checkImage(riff([['VP8 ', vp8]]))).toBe('webp');
    expect(checkImage(riff([['VP8L', vp8l]]))).toBe('webp');
    expect(checkImage(riff([['VP8X', Buffer.alloc(10)], ['VP8 ', vp8], ['EXIF', Buffer.from('x')]]))).toBe('webp');
    // A text chunk before IEND is part of a PNG.
    expect(checkImage(withChunk(png, png.length - 12, 'tEXt', Buffer.from('Comment\0ok')))).toBe('png');
  });

  it('refuses an image with a script or a page appended after its end', () => {
    const script = Buffer.from('<script>fetch("/x?"+localStorage.token)</script>');
    expect(checkImage(Buffer.concat([png, script]))).toBeNull();
    expect(checkImage(Buffer.concat([jpeg(), script]))).toBeNull();
    expect(checkImage(Buffer.concat([gif(), script]))).toBeNull();
    const webp = riff([['VP8 ', vp8]]);
    expect(checkImage(Buffer.concat([webp, script]))).toBeNull();
    // Even with the RIFF size grown to cover it, the appended bytes are not a chunk.
    const grown = Buffer.concat([webp, script]);
    grown.writeUInt32LE(grown.length - 8, 4);
    expect(checkImage(grown)).toBeNull();
  });

  it('refuses a bare signature, a broken chunk or segment, and a file cut short', () => {
    expect(checkImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x3c, 0x68, 0x74, 0x6d, 0x6c]))).toBeNull();
    expect(checkImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBeNull();
    expect(checkImage(Buffer.from('GIF89a<html>', 'latin1'))).toBeNull();
    expect(checkImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBeNull();
    const badCrc = Buffer.from(png);
    badCrc[20] ^= 1; // inside IHDR
    expect(checkImage(badCrc)).toBeNull();
    expect(checkImage(png.subarray(0, png.length - 12))).toBeNull(); // no IEND
    expect(checkImage(withChunk(png, png.length - 12, 'IHDR', Buffer.alloc(13)))).toBeNull(); // IHDR not first only
    expect(checkImage(jpeg().subarray(0, jpeg().length - 2))).toBeNull(); // no EOI
    const noFrame = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0xff, 0xd9])]);
    expect(checkImage(noFrame)).toBeNull();
    const longSegment = jpeg();
    longSegment[5] = 0xff; // the JFIF segment claims more bytes than the file has
    expect(checkImage(longSegment)).toBeNull();
    expect(checkImage(gif().subarray(0, gif().length - 1))).toBeNull(); // no trailer
    expect(checkImage(riff([['ICCP', Buffer.alloc(4)]]))).toBeNull(); // no image chunk
    expect(checkImage(riff([['VP8 ', Buffer.alloc(12)]]))).toBeNull(); // no key frame start code
    expect(checkImage(Buffer.from('<svg onload="x()">'))).toBeNull();
    expect(checkImage(new Uint8Array(0))).toBeNull();
  });

  it('checks a picture at the size limit in a few milliseconds', () => {
    const rows = 1000;
    const width = 1000;
    const big = encodePng(width, rows, 6, Buffer.alloc(rows * (1 + width * 4), 7));
    const big4mb = withChunk(big, big.length - 12, 'zTXt', Buffer.alloc(4 * 1024 * 1024 - big.length - 24, 1));
    const start = process.hrtime.bigint();
    expect(checkImage(big4mb)).toBe('png');
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(ms).toBeLessThan(200);
  });
});

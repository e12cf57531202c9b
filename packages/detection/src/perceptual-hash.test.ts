import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './examples.testing';
import { hashSimilarity, imageHashFromBytes, perceptualHash } from './perceptual-hash';

/** A picture as brightness (0..255) over the unit square, rendered at any size. */
type Scene = (x: number, y: number) => number;

/** A product shot: a lit gradient, a bright round bag, a dark box in the corner. */
const product: Scene = (x, y) => {
  if ((x - 0.35) ** 2 + (y - 0.4) ** 2 < 0.04) return 230;
  if (x > 0.6 && y > 0.65) return 20;
  return 40 + 120 * x;
};
/** Something else entirely: diagonal stripes and a bright bar. */
const stripes: Scene = (x, y) =>
  y > 0.1 && y < 0.25 && x > 0.5 ? 250 : 128 + 100 * Math.sin(12 * (x + 2 * y));
/** And a third: a dark frame around a light field with a dark dot. */
const frame: Scene = (x, y) =>
  x < 0.15 || x > 0.85 || y < 0.15 || y > 0.85 ? 30 : (x - 0.7) ** 2 + (y - 0.7) ** 2 < 0.01 ? 10 : 200;

interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

function render(scene: Scene, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      data[y * width + x] = clampByte(scene((x + 0.5) / width, (y + 0.5) / height));
  }
  return { data, width, height };
}

const clampByte = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
const map = (image: Gray, f: (value: number, i: number) => number): Gray => ({
  ...image,
  data: image.data.map((value, i) => clampByte(f(value, i))),
});
const hash = (image: Gray) => perceptualHash(image.data, image.width, image.height);

function toRgba(image: Gray, alpha = 255): Uint8Array {
  const rgba = new Uint8Array(image.width * image.height * 4);
  image.data.forEach((value, i) => rgba.set([value, value, value, alpha], i * 4));
  return rgba;
}

function pngBytes(image: Gray, alpha = 255): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(toRgba(image, alpha));
  return new Uint8Array(PNG.sync.write(png));
}

function jpegBytes(image: Gray, quality: number): Uint8Array {
  const encoded = encodeJpeg({ width: image.width, height: image.height, data: toRgba(image) }, quality);
  return new Uint8Array(encoded.data);
}

const photo = render(product, 240, 180);

describe('perceptualHash', () => {
  it('is 16 hex digits, the same for the same picture', () => {
    expect(hash(photo)).toMatch(/^[0-9a-f]{16}$/);
    expect(hash(render(product, 240, 180))).toBe(hash(photo));
    expect(hashSimilarity(hash(photo), hash(photo))).toBe(1);
  });

  it('barely changes with noise, brightness, contrast or size', () => {
    const random = seededRandom(3);
    const variants = {
      noisy: map(photo, (v) => v + (random() - 0.5) * 40),
      brighter: map(photo, (v) => v + 30),
      flatter: map(photo, (v) => 60 + v * 0.6),
      smaller: render(product, 64, 48),
      larger: render(product, 800, 600),
      stretched: render(product, 300, 120),
    };
    for (const [name, image] of Object.entries(variants)) {
      expect(hashSimilarity(hash(photo), hash(image)), name).toBeGreaterThan(0.85);
    }
  });

  it('differs for unrelated pictures', () => {
    expect(hashSimilarity(hash(photo), hash(render(stripes, 240, 180)))).toBeLessThan(0.7);
    expect(hashSimilarity(hash(photo), hash(render(frame, 240, 180)))).toBeLessThan(0.7);
    expect(hashSimilarity(hash(render(stripes, 240, 180)), hash(render(frame, 240, 180)))).toBeLessThan(0.7);
  });

  it('hashes images smaller than its 32x32 thumbnail', () => {
    expect(hashSimilarity(hash(photo), hash(render(product, 20, 15)))).toBeGreaterThan(0.8);
    expect(hash({ data: new Uint8Array([7]), width: 1, height: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a size that does not fit the pixels', () => {
    expect(() => perceptualHash(new Uint8Array(10), 4, 4)).toThrow(RangeError);
    expect(() => perceptualHash(new Uint8Array(10), 0, 10)).toThrow(RangeError);
    expect(() => perceptualHash(new Uint8Array(10), 2.5, 4)).toThrow(RangeError);
  });
});

describe('hashSimilarity', () => {
  it('is one minus the share of differing bits', () => {
    expect(hashSimilarity('0000000000000000', 'ffffffffffffffff')).toBe(0);
    expect(hashSimilarity('0000000000000000', '000000000000000f')).toBe(1 - 4 / 64);
    expect(hashSimilarity('8000000000000001', '0000000000000000')).toBe(1 - 2 / 64);
    expect(hashSimilarity('ABCDEF0123456789', 'abcdef0123456789')).toBe(1);
  });

  it('is 0 for anything that is not a hash', () => {
    expect(hashSimilarity('', '')).toBe(0);
    expect(hashSimilarity('0000000000000000', '000000000000000g')).toBe(0);
    expect(hashSimilarity('00000000000000000', '00000000000000000')).toBe(0);
  });
});

describe('imageHashFromBytes', () => {
  it('decodes a PNG to the same hash as its pixels', () => {
    expect(imageHashFromBytes(pngBytes(photo), 'image/png')).toBe(hash(photo));
  });

  it('decodes a JPEG, re-encoding artefacts and all, to a near hash', () => {
    const decoded = imageHashFromBytes(jpegBytes(photo, 60), 'image/jpeg');
    expect(decoded).not.toBeNull();
    expect(hashSimilarity(decoded!, hash(photo))).toBeGreaterThan(0.85);
    expect(imageHashFromBytes(jpegBytes(photo, 60), 'IMAGE/JPEG; charset=binary')).toBe(decoded);
  });

  it('reads the format from the bytes when the type is a mislabelled PNG or JPEG', () => {
    expect(imageHashFromBytes(jpegBytes(photo, 90), 'image/png')).toBe(
      imageHashFromBytes(jpegBytes(photo, 90), 'image/jpeg'),
    );
  });

  it('composites transparent pixels over white', () => {
    const white = hash({ data: new Uint8Array(64 * 64).fill(255), width: 64, height: 64 });
    expect(imageHashFromBytes(pngBytes(render(stripes, 64, 64), 0), 'image/png')).toBe(white);
  });

  it('returns null for other types and for bytes that do not decode', () => {
    const png = pngBytes(photo);
    expect(imageHashFromBytes(png, 'image/webp')).toBeNull();
    expect(imageHashFromBytes(png, 'application/octet-stream')).toBeNull();
    expect(imageHashFromBytes(new Uint8Array(0), 'image/png')).toBeNull();
    const random = seededRandom(9);
    const garbage = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    expect(imageHashFromBytes(garbage, 'image/png')).toBeNull();
    expect(imageHashFromBytes(garbage, 'image/jpeg')).toBeNull();
    expect(imageHashFromBytes(png.subarray(0, png.length / 2), 'image/png')).toBeNull();
    const jpeg = jpegBytes(photo, 80);
    expect(imageHashFromBytes(jpeg.subarray(0, 200), 'image/jpeg')).toBeNull();
    expect(
      imageHashFromBytes(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 1, 2, 3]), 'image/jpeg'),
    ).toBeNull();
  });

  it('refuses a PNG that claims a huge canvas before decoding it', () => {
    const png = pngBytes(render(product, 8, 8));
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    view.setUint32(16, 100_000);
    view.setUint32(20, 100_000);
    expect(imageHashFromBytes(png, 'image/png')).toBeNull();
  });
});

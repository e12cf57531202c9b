import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';

/** pHash works on a 32x32 thumbnail and keeps its 8x8 lowest frequencies. */
const SIZE = 32;
const LOW = 8;
/** Larger images are refused rather than decoded (a small file can claim a huge canvas). */
const MAX_PIXELS = 40_000_000;

/** COSINES[u * SIZE + x] = α(u)·cos((2x + 1)uπ / 2N): the orthonormal DCT-II basis, first 8 rows. */
const COSINES = (() => {
  const table = new Float64Array(LOW * SIZE);
  for (let u = 0; u < LOW; u++) {
    const alpha = u === 0 ? Math.sqrt(1 / SIZE) : Math.sqrt(2 / SIZE);
    for (let x = 0; x < SIZE; x++)
      table[u * SIZE + x] = alpha * Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE));
  }
  return table;
})();

/**
 * 64-bit DCT perceptual hash of a grayscale image (one byte per pixel, row by row), as 16 hex chars:
 * resize to 32x32 by area averaging, 2-D DCT, keep the top-left 8x8 coefficients, and set a bit for
 * each that is above the median of the 63 non-DC ones. Brightness, contrast, mild noise, re-encoding and
 * resizing leave most bits alone; a different picture flips about half. (The DC bit is nearly always
 * set, as in the usual 64-bit pHash.)
 */
export function perceptualHash(gray: Uint8Array | Uint8ClampedArray, width: number, height: number): string {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`perceptualHash: bad image size ${width}x${height}`);
  }
  if (gray.length < width * height) {
    throw new RangeError(`perceptualHash: ${gray.length} pixels for a ${width}x${height} image`);
  }
  const thumbnail = resize(gray, width, height);

  // Separable DCT: along each row for the 8 lowest horizontal frequencies, then down the columns.
  const rows = new Float64Array(SIZE * LOW);
  for (let y = 0; y < SIZE; y++) {
    for (let v = 0; v < LOW; v++) {
      let sum = 0;
      for (let x = 0; x < SIZE; x++) sum += thumbnail[y * SIZE + x]! * COSINES[v * SIZE + x]!;
      rows[y * LOW + v] = sum;
    }
  }
  const coefficients = new Float64Array(LOW * LOW);
  for (let u = 0; u < LOW; u++) {
    for (let v = 0; v < LOW; v++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) sum += rows[y * LOW + v]! * COSINES[u * SIZE + y]!;
      coefficients[u * LOW + v] = sum;
    }
  }

  const ac = Array.from(coefficients.subarray(1)).sort((a, b) => a - b);
  const median = ac[(ac.length - 1) / 2]!;
  // Coefficients that differ from the median by rounding noise only (symmetric pictures have exact
  // zeros) must not flip between two renderings of the same picture.
  const tolerance = 1e-9 * (Math.abs(ac[0]!) + Math.abs(ac[ac.length - 1]!) + 1);
  let high = 0;
  let low = 0;
  for (let i = 0; i < 64; i++) {
    if (coefficients[i]! - median <= tolerance) continue;
    if (i < 32) high |= 1 << (31 - i);
    else low |= 1 << (63 - i);
  }
  return hex32(high) + hex32(low);
}

/** 1 - hamming distance / 64; 0 when either is not a 16-hex-digit hash (no evidence of a match). */
export function hashSimilarity(a: string, b: string): number {
  const x = parseHash(a);
  const y = parseHash(b);
  if (!x || !y) return 0;
  return 1 - hashDistance(x, y) / 64;
}

/** The two 32-bit halves of a hash; null when it is not 16 hex digits. */
export function parseHash(hash: string): [number, number] | null {
  if (hash.length !== 16) return null;
  let high = 0;
  let low = 0;
  for (let i = 0; i < 16; i++) {
    const digit = hexDigit(hash.charCodeAt(i));
    if (digit < 0) return null;
    if (i < 8) high = (high << 4) | digit;
    else low = (low << 4) | digit;
  }
  return [high, low];
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** Bits that differ between two parsed hashes. */
export function hashDistance(a: readonly [number, number], b: readonly [number, number]): number {
  return popCount(a[0] ^ b[0]) + popCount(a[1] ^ b[1]);
}

/**
 * Decodes PNG or JPEG bytes (pngjs / jpeg-js), converts to grayscale and hashes. The format is read from
 * the bytes' signature, so a JPEG served as image/png still hashes; anything other than an image/png or
 * image/jpeg type, or bytes that do not decode, give null. Never throws.
 */
export function imageHashFromBytes(bytes: Uint8Array, mimeType: string): string | null {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  if (!['image/png', 'image/jpeg', 'image/jpg', 'image/pjpeg'].includes(type)) return null;
  try {
    const image = isPng(bytes) ? decodePng(bytes) : isJpeg(bytes) ? decodeJpegBytes(bytes) : null;
    if (!image || image.width < 1 || image.height < 1) return null;
    return perceptualHash(toGray(image.data, image.width * image.height), image.width, image.height);
  } catch {
    return null;
  }
}

interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function isPng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length > 24 && signature.every((byte, i) => bytes[i] === byte);
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function decodePng(bytes: Uint8Array): RgbaImage | null {
  // The IHDR chunk comes first: refuse a huge canvas before pngjs allocates it.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(16) * view.getUint32(20) > MAX_PIXELS) return null;
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: png.width, height: png.height, data: png.data };
}

function decodeJpegBytes(bytes: Uint8Array): RgbaImage {
  return decodeJpeg(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_PIXELS / 1_000_000,
    maxMemoryUsageInMB: 512,
  });
}

/** Rec. 601 luma of RGBA pixels, transparent ones composited over white. */
function toGray(rgba: Uint8Array, pixels: number): Uint8Array {
  if (rgba.length < pixels * 4) throw new RangeError('Truncated pixel data');
  const gray = new Uint8Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const o = i * 4;
    const luma = 0.299 * rgba[o]! + 0.587 * rgba[o + 1]! + 0.114 * rgba[o + 2]!;
    const alpha = rgba[o + 3]! / 255;
    gray[i] = Math.round(luma * alpha + 255 * (1 - alpha));
  }
  return gray;
}

/** Area-average resampling to SIZE x SIZE (each source pixel weighted by how much of a cell it covers). */
function resize(gray: Uint8Array | Uint8ClampedArray, width: number, height: number): Float64Array {
  const columns = areaWeights(width);
  const rowsOf = areaWeights(height);
  const horizontal = new Float64Array(height * SIZE);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < SIZE; x++) {
      const { first, weights } = columns[x]!;
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += gray[y * width + first + k]! * weights[k]!;
      horizontal[y * SIZE + x] = sum;
    }
  }
  const out = new Float64Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const { first, weights } = rowsOf[y]!;
    for (let x = 0; x < SIZE; x++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += horizontal[(first + k) * SIZE + x]! * weights[k]!;
      out[y * SIZE + x] = sum;
    }
  }
  return out;
}

/** For each of the SIZE target cells along an axis of `length` pixels: the pixels it covers and their shares. */
function areaWeights(length: number): { first: number; weights: Float64Array }[] {
  const scale = length / SIZE;
  return Array.from({ length: SIZE }, (_, cell) => {
    const start = cell * scale;
    const end = (cell + 1) * scale;
    const first = Math.floor(start);
    const last = Math.min(Math.ceil(end), length) - 1;
    const weights = new Float64Array(last - first + 1);
    for (let pixel = first; pixel <= last; pixel++) {
      weights[pixel - first] = (Math.min(end, pixel + 1) - Math.max(start, pixel)) / scale;
    }
    return { first, weights };
  });
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Screenshot images for visitors' screen URLs: a small PNG of one colour per file name, so each
 * screenshot loads and looks different, made without any image library.
 */
import { deflateSync } from 'node:zlib';
import { textResponse, type FakeResponse } from './http';

export const SCREENSHOT_ORIGIN = 'https://cdn.upscope.io';
const SCREENSHOT_PATH_PREFIX = '/fake-screens/';

/** Whether a URL asks for a screenshot rather than the API or the watch page. */
export function isScreenshotUrl(url: URL): boolean {
  return (
    url.hostname === new URL(SCREENSHOT_ORIGIN).hostname ||
    url.pathname.startsWith(SCREENSHOT_PATH_PREFIX)
  );
}

export function screenshotResponse(url: URL, method: string): FakeResponse {
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'method not allowed');
  const file = url.pathname.startsWith(SCREENSHOT_PATH_PREFIX)
    ? url.pathname.slice(SCREENSHOT_PATH_PREFIX.length)
    : '';
  if (!/^[\w.-]+\.png$/.test(file)) return textResponse(404, 'not found');
  const png = solidPng(64, 40, colourFor(file));
  return {
    status: 200,
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.length),
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    },
    body: '',
    bodyBytes: png,
  };
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

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** A valid truecolour PNG filled with one colour. */
export function solidPng(
  width: number,
  height: number,
  [r, g, b]: readonly [number, number, number],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    row[1 + x * 3] = r;
    row[2 + x * 3] = g;
    row[3 + x * 3] = b;
  }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distinct, stable, muted colours so different screenshots look different. */
function colourFor(name: string): [number, number, number] {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return [96 + (h & 0x7f), 96 + ((h >>> 7) & 0x7f), 96 + ((h >>> 14) & 0x7f)];
}

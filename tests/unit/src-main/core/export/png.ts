/**
 * Just enough PNG decoding (8-bit gray, RGB or RGBA, not interlaced — what
 * pdftoppm writes) to tell a rendered page from a blank one, with node's zlib.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[body[9] ?? -1] ?? 0;
      if (!channels) throw new Error(`colour type ${body[9]} not supported`);
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (data[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (data[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (data[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? 0] ?? 0;
      data[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** Share of pixels that are not (near) white, and the variance of their brightness. */
export function inkStats(pixels: Pixels): { ink: number; variance: number } {
  const { data, channels } = pixels;
  const count = pixels.width * pixels.height;
  let inked = 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < count; i += 1) {
    const rgb = Math.min(channels, 3);
    let brightness = 0;
    for (let c = 0; c < rgb; c += 1) brightness += data[i * channels + c] ?? 0;
    brightness /= rgb;
    if (brightness < 240) inked += 1;
    sum += brightness;
    squares += brightness * brightness;
  }
  const mean = sum / count;
  return { ink: inked / count, variance: squares / count - mean * mean };
}

/** Page 1 of a PDF as a PNG at 50 dpi (pdftoppm), copied to `keepAs` when given. */
export function firstPagePng(pdfFile: string, keepAs?: string): Buffer {
  const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-png-')), 'page');
  const run = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr.toString()}`);
  const png = fs.readFileSync(`${prefix}.png`);
  fs.rmSync(path.dirname(prefix), { recursive: true });
  if (keepAs) fs.writeFileSync(keepAs, png);
  return png;
}

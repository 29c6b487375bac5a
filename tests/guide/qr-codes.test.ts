/** QR codes (scripts/render/pdf/qr-codes.ts): merged rectangles cover the same cells; measures are memoised safely, and kept between runs. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoiseQrCodes, mergeModules, type QrRect } from '../../scripts/render/pdf/qr-codes.ts';

const qrEnc = (createRequire(import.meta.url)('pdfmake/js/qrEnc.js') as { default: { measure(node: object): { _canvas: QrRect[] } } }).default;

/** The points each rectangle after the background covers, counted (an overlap counts twice). */
function cover(canvas: readonly QrRect[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const r of canvas.slice(1)) {
    for (let x = r.x; x < r.x + r.w; x++) for (let y = r.y; y < r.y + r.h; y++) cells.set(`${x} ${y}`, (cells.get(`${x} ${y}`) ?? 0) + 1);
  }
  return cells;
}

const rect = (x: number, y: number): QrRect => ({ type: 'rect', x, y, w: 2, h: 2, lineWidth: 0, color: '#000' });
const background: QrRect = { type: 'rect', x: 0, y: 0, w: 10, h: 10, lineWidth: 0, color: '#fff' };

describe('merged QR modules', () => {
  it('cover exactly the cells of pdfmake’s modules, once each, in under half the rectangles', () => {
    for (const url of ['https://example.org/a', 'https://www.netpes.eu/practices/bifurcators-and-a-longer-path?with=query']) {
      const modules = qrEnc.measure({ qr: url, fit: 60, foreground: '#123456', background: '#fafafa' })._canvas;
      const merged = mergeModules(modules);
      expect(merged[0]).toEqual(modules[0]); // the background, drawn first
      const before = cover(modules);
      const after = cover(merged);
      expect([...after.values()].every((n) => n === 1)).toBe(true);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      expect(merged.every((r) => r.color === modules[1]!.color || r === merged[0])).toBe(true);
      expect(merged.length).toBeLessThan(modules.length / 2);
    }
  });

  it('joins a row’s touching modules, and equal runs of the rows below, but not across a gap', () => {
    const merged = mergeModules([background, rect(0, 0), rect(2, 0), rect(6, 0), rect(0, 2), rect(2, 2), rect(0, 6), rect(2, 6)]);
    expect(merged.slice(1).map(({ x, y, w, h }) => [x, y, w, h])).toEqual([
      [0, 0, 4, 4], // two modules wide, two rows tall
      [6, 0, 2, 2],
      [0, 6, 4, 2], // the same columns after an empty row: a rectangle of its own
    ]);
  });

  it('memoised, give each node its own rectangles, as pdfmake moves them in place', () => {
    const plain = qrEnc.measure({ qr: 'https://example.org/memo', fit: 40 });
    memoiseQrCodes();
    const first = qrEnc.measure({ qr: 'https://example.org/memo', fit: 40 });
    first._canvas.forEach((r) => (r.x += 100)); // as pdfmake's layout does
    const second = qrEnc.measure({ qr: 'https://example.org/memo', fit: 40 }) as { _canvas: QrRect[]; _width: number; _maxHeight: number };
    expect(second._canvas).toEqual(plain._canvas);
    expect(second._width).toBe((plain as unknown as { _width: number })._width);
    expect(second._maxHeight).toBe(second._width);
    // Another option, another code.
    expect(qrEnc.measure({ qr: 'https://example.org/memo', fit: 80 })._canvas).not.toEqual(plain._canvas);
  });

  it('are kept between runs (the run cache qr-codes/), and a new process reads them from there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netpes-qr-'));
    const before = process.env['NETPES_CACHE_DIR'];
    process.env['NETPES_CACHE_DIR'] = dir;
    try {
      memoiseQrCodes();
      const measured = qrEnc.measure({ qr: 'https://example.org/kept', fit: 40 });
      const files = readdirSync(path.join(dir, 'qr-codes'));
      expect(files).toHaveLength(1);
      const file = path.join(dir, 'qr-codes', files[0]!);
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { canvas: QrRect[]; size: number };
      expect(kept.canvas).toEqual(measured._canvas);
      // A tampered entry shows: the next process's memo (nothing in memory yet) read it.
      writeFileSync(file, JSON.stringify({ ...kept, size: 999 }));
      memoiseQrCodes();
      expect((qrEnc.measure({ qr: 'https://example.org/kept', fit: 40 }) as unknown as { _width: number })._width).toBe(999);
    } finally {
      if (before === undefined) delete process.env['NETPES_CACHE_DIR'];
      else process.env['NETPES_CACHE_DIR'] = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

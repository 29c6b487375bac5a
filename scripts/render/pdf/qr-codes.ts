/**
 * QR codes, as pdfmake draws them (its qrEnc module), made cheaper twice over:
 *
 * - merged modules: pdfmake draws one filled square per dark module, some 300 vectors per
 *   code, each written with its own colour, line width and fill. Here the dark modules that
 *   touch in a row are one rectangle, and the same run in the rows below extends it
 *   downwards: the same shape in a third of the rectangles. This changes the bytes (not what
 *   a reader sees, nor what a scanner reads), so it is not one of the speed-ups that
 *   NETPES_PLAIN_PDFMAKE leaves out;
 * - memoised measures (a speed-up, below).
 */
import { createHash } from 'node:crypto';
import { packageVersion, runCache } from '../../write/run-cache.ts';
import { pdfmakeInternal } from './pdfmake-internals.ts';

export interface QrRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  lineWidth: number;
  color: string;
}

/** A measured code: its rectangles (merged) and its size. */
interface QrCode {
  canvas: QrRect[];
  size: number;
}

interface QrNode {
  _canvas: QrRect[];
  _width: number;
}

/** Whether `mergeQrModules` was installed: the codes kept between runs are merged then. */
let merging = false;

export function mergeQrModules(): void {
  merging = true;
  const qrEnc = pdfmakeInternal<{ measure(node: unknown): QrNode }>('qrEnc');
  const measure = qrEnc.measure.bind(qrEnc);
  qrEnc.measure = (node) => {
    const measured = measure(node);
    measured._canvas = mergeModules(measured._canvas);
    return measured;
  };
}

/**
 * Speed-up: pdfmake encodes a QR code again at every measure, and a sheet's footer code is
 * measured at each fitting layout. The measure depends only on the node's QR options, so it
 * is kept per process, and between runs (the run cache `qr-codes/`: encoding a code took
 * ~1.5 ms, and a cold build encodes ~90, in both threads); each node gets its own copy of the
 * rectangles, which pdfmake moves in place when it lays them out. The output bytes do not change.
 */
export function memoiseQrCodes(): void {
  const qrEnc = pdfmakeInternal<{ measure(node: Record<string, unknown>): QrNode }>('qrEnc');
  const measure = qrEnc.measure.bind(qrEnc);
  const known = new Map<string, QrCode>();
  // Its folder looked up at each use, as every run cache's (tests point runs at their own).
  const kept = () => runCache<QrCode>('qr-codes');
  // The encoder's version and the merging's code, if any: each changes the rectangles.
  const merged = merging ? createHash('sha1').update(mergeModules.toString()).digest('hex') : 'not merged';
  const maker = `${packageVersion('pdfmake')}\0${merged}`;
  qrEnc.measure = (node) => {
    // Every option qrEnc reads; `mask` counts when present at all, as there.
    const key = JSON.stringify([node['qr'], node['fit'], node['foreground'], node['background'], node['padding'], node['version'], node['eccLevel'], node['mode'], 'mask' in node, node['mask']]);
    let code = known.get(key);
    if (!code) {
      code = kept().get(`${maker}\0${key}`);
      if (!code) {
        const measured = measure(node);
        code = { canvas: measured._canvas.map((r) => ({ ...r })), size: measured._width };
        kept().set(`${maker}\0${key}`, code);
      }
      known.set(key, code);
    }
    Object.assign(node, { _canvas: code.canvas.map((r) => ({ ...r })) });
    for (const size of ['_width', '_height', '_minWidth', '_maxWidth', '_minHeight', '_maxHeight']) node[size] = code.size;
    return node as unknown as QrNode;
  };
}

/**
 * The background square first (as pdfmake draws it), then the modules merged: runs along
 * each row, then equal runs of consecutive rows into one taller rectangle. pdfmake's module
 * size is a whole number of points, so edges meet exactly.
 */
export function mergeModules(canvas: readonly QrRect[]): QrRect[] {
  const [background, ...modules] = canvas;
  if (!background) return [];
  const runs: QrRect[] = [];
  for (const module of modules) {
    const last = runs.at(-1);
    if (last && last.y === module.y && last.h === module.h && last.color === module.color && last.x + last.w === module.x) {
      last.w += module.w;
    } else {
      runs.push({ ...module });
    }
  }
  const merged: QrRect[] = [];
  /** Rectangles whose bottom edge is the top of the row being merged, by column span and colour. */
  let open = new Map<string, QrRect>();
  let rowTop: number | undefined;
  let next = new Map<string, QrRect>();
  for (const run of runs) {
    if (run.y !== rowTop) {
      open = next;
      next = new Map();
      rowTop = run.y;
    }
    const key = `${run.x} ${run.w} ${run.color}`;
    const above = open.get(key);
    if (above && above.y + above.h === run.y) {
      above.h += run.h;
      next.set(key, above);
    } else {
      merged.push(run);
      next.set(key, run);
    }
  }
  return [background, ...merged];
}

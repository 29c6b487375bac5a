/** Which thread renders what (scripts/build/placement.ts), by `--jobs`, and how many at once. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDate } from '../../scripts/build/build-date.ts';
import { placeBatch, type Engine } from '../../scripts/build/placement.ts';
import { Renderer } from '../../scripts/build/render-one.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { buildContent } from '../helpers/build.ts';
import { materialise } from '../helpers/fixture.ts';

const fullBuild: Engine[] = ['pdfmake', 'docx', 'docx', 'docx'];

describe('placement of outputs on threads', () => {
  it('renders everything in this thread with one job', () => {
    expect(placeBatch(fullBuild, 1, false).inWorker).toEqual([false, false, false, false]);
  });

  it('with two jobs, sends the reports to one worker when they render beside a PDF', () => {
    expect(placeBatch(fullBuild, 2, false)).toEqual({ inWorker: [false, true, true, true], workers: 1 });
    // The sheets (after the guide) stay here, where pdfmake is warm.
    expect(placeBatch(['pdfmake', 'pdfmake', 'pdfmake'], 2, true).inWorker).toEqual([false, false, false]);
  });

  it('with two jobs, keeps reports alone in this thread: a new worker would only add its start-up', () => {
    expect(placeBatch(['docx', 'docx'], 2, false).inWorker).toEqual([false, false]);
    expect(placeBatch(['docx', 'docx'], 2, true).inWorker).toEqual([true, true]);
  });

  it('with two jobs, starts no worker for fewer reports than pay for its start-up (a practice edit: its owner and one quoted partner)', () => {
    expect(placeBatch(['pdfmake', 'docx', 'docx'], 2, false).inWorker).toEqual([false, false, false]);
    expect(placeBatch(['pdfmake', 'docx', 'docx', 'docx'], 2, false).inWorker).toEqual([false, true, true, true]);
    // A worker kept warm (watch mode) takes them all the same.
    expect(placeBatch(['pdfmake', 'docx'], 2, true).inWorker).toEqual([false, true]);
  });

  it('with three jobs or more, pools every output of a batch of several', () => {
    expect(placeBatch(fullBuild, 3, false)).toEqual({ inWorker: [true, true, true, true], workers: 3 });
    expect(placeBatch(['pdfmake', 'docx'], 4, false).workers).toBe(2);
    expect(placeBatch(['pdfmake'], 3, false).inWorker).toEqual([false]);
    expect(placeBatch(['pdfmake'], 3, true).inWorker).toEqual([true]);
  });
});

describe('rendering in this thread', () => {
  it('renders one output at a time (interleaved, each would hold its laid-out document meanwhile)', async () => {
    const content = materialise();
    const { guide } = await loadGuide(content);
    const renderer = new Renderer(guide!, buildDate(guide!));
    const render = renderer.render.bind(renderer);
    let running = 0;
    let most = 0;
    const rendered: string[] = [];
    renderer.render = async (request) => {
      most = Math.max(most, ++running);
      try {
        return await render(request);
      } finally {
        running--;
        rendered.push(request.path);
      }
    };
    await buildContent(content, { out: mkdtempSync(path.join(tmpdir(), 'netpes-out-')), renderer });
    expect(rendered.length).toBeGreaterThan(5); // the guide, the sheets, the reports…
    expect(most).toBe(1);
  });
});

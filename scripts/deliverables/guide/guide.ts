/**
 * The print guide, `out/guide.pdf`: every chapter, area, practice, topic and glossary
 * term of the content in one PDF. It depends on every content file it reads, and only
 * on those (templates and theme are the build's own inputs).
 */
import type { Deliverable } from '../deliverable.ts';
import type { Guide } from '../../model/schemas.ts';

/** The content files the guide reads: all the model's entities. */
export function guideSources(guide: Guide): string[] {
  const files = [
    guide.meta.file,
    ...guide.partners.map((e) => e.file),
    ...guide.areas.map((e) => e.file),
    ...guide.practices.map((e) => e.file),
    ...guide.topics.map((e) => e.file),
    ...guide.chapters.map((e) => e.file),
    ...guide.glossary.map((e) => e.file),
  ];
  return [...new Set(files)].sort();
}

const guide: Deliverable = {
  name: 'guide',
  engine: 'pdfmake',
  plan: (model) => [
    {
      path: 'guide.pdf',
      sources: guideSources(model),
      // Known once the guide is laid out: the sheets need nothing else of it.
      publishesFirst: ['practicePages'],
      render: async (ctx) => (await import('./render-guide.ts')).renderGuide(ctx),
    },
  ],
};

export default guide;

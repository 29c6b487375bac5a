/**
 * The partner feedback reports: one Word document per partner, `reports/<partner-id>.docx`,
 * rendered from the model through `templates/reports/` and the shared DOCX backend.
 */
import type { Deliverable } from '../deliverable.ts';
import { reportSources } from './report-sources.ts';

const reports: Deliverable = {
  name: 'reports',
  engine: 'docx',
  plan(guide) {
    return guide.partners.map((partner) => ({
      path: `reports/${partner.id}.docx`,
      sources: reportSources(guide, partner.id),
      // Loaded when a report renders: planning (and a guide-only build) does not load docx.
      render: async (ctx) => (await import('./render-report.ts')).renderReport(ctx, partner.id),
    }));
  },
};

export default reports;

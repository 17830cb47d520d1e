/** Every user-visible string of OverviewPanel.svelte (English; moved into the console's messages at merge). */
export const text = {
  title: 'Practice overview',
  intro:
    'Finalized consultations only, as amended. No names or hospital numbers: counts of consultations. ' +
    'Leave a date empty to count from the first or up to the last record.',
  filters: 'Consultation dates',
  from: 'From',
  to: 'To',
  apply: 'Show',
  clear: 'All dates',
  refresh: 'Refresh',
  exportCsv: 'Export CSV',
  exporting: 'Working…',
  exported: (path: string, bytes: number) => `Exported: ${path} (${bytes} bytes).`,
  computedAt: (time: string) => `Counted at ${time}.`,
  loading: 'Counting…',
} as const;

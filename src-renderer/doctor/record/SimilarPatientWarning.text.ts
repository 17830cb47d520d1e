/** Strings of SimilarPatientWarning.svelte (moved into the console's message files at merge). */
export const text = {
  title: 'A patient with a similar number exists',
  lead: 'The hospital number differs from this patient’s only in spaces, dashes or letter forms:',
  question: 'Is this the same person? Open that patient, or create the new one anyway.',
  open: 'Open that patient',
  createAnyway: 'Create anyway',
} as const;

/** Every user-visible string of OverviewFigures.svelte (English; moved into the console's messages at merge). */
export const text = {
  totals: (consultations: number, visits: number) =>
    `${consultations} finalized consultation${consultations === 1 ? '' : 's'}, ` +
    `${visits} signed follow-up visit${visits === 1 ? '' : 's'}`,
  paths: 'Decision paths',
  path: 'Decision',
  consultations: 'Consultations',
  share: 'Share',
  boneMedicine: 'Osteoporosis medicine started within 3 months',
  boneDefinition: 'How it is counted',
  sure: 'SURE score (decisional conflict below 4)',
  score: 'Score',
  scoreOf: (score: number) => `${score} of 4`,
  notAsked: 'Not asked or incomplete',
  complications: 'Complications reported at follow-up visits',
  complication: 'Complication',
  withComplication: 'Consultations with it',
  visitsWithComplication: 'Visits reporting it',
  newFractures: 'New fractures at follow-up visits',
  newFracturesLine: (consultations: number, visits: number, levels: number) =>
    `${consultations} consultation${consultations === 1 ? '' : 's'} with a new fracture ` +
    `(${visits} visit${visits === 1 ? '' : 's'}, ${levels} level${levels === 1 ? '' : 's'} in all)`,
  visitsNote: 'Signed visits of the consultations counted, whenever the visit took place.',
  none: '—',
} as const;

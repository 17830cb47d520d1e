/** Strings of PatientConflict.svelte (moved into the console's message files at merge). */
export const text = {
  title: 'Corrected in another window meanwhile',
  lead: 'Nothing was overwritten. Choose which details to keep.',
  field: 'Detail',
  theirs: 'Saved in the other window',
  mine: 'Yours (this form)',
  displayName: 'Name',
  birthDate: 'Date of birth',
  hospitalNumber: 'Hospital number',
  none: '—',
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  changed: 'differs',
} as const;

/** Every user-visible string of ProgressButton.svelte (English; moved into the console's messages at merge). */
export const text = {
  show: 'Show "Your progress" to the patient',
  hide: 'Stop showing "Your progress"',
  hint: 'The pain chart on the patient screen, in large type: no name, number or dates.',
  showing: 'The patient screen shows the pain chart.',
} as const;

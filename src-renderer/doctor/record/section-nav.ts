/**
 * The record's sections and how to go to one: scrolled into view and focused
 * (each section is a focusable landmark, tabindex -1), so the next Tab goes on
 * from there and a screen reader announces where the physician landed.
 */
export const recordSections = [
  { id: 'record-findings', key: 'findings' },
  { id: 'record-what-matters', key: 'whatMatters' },
  { id: 'record-decision', key: 'decision' },
  { id: 'record-bone-health', key: 'boneHealth' },
  { id: 'record-notes', key: 'notes' },
  { id: 'record-risks', key: 'risks' },
  { id: 'record-sign', key: 'sign' },
] as const;
export type RecordSectionId = (typeof recordSections)[number]['id'];

export function goToSection(id: RecordSectionId): void {
  const section = document.getElementById(id);
  if (!section) return;
  // Focus without the browser's own jump, then one scroll that leaves room for the sticky navigation.
  section.focus({ preventScroll: true });
  section.scrollIntoView({ block: 'start' });
}

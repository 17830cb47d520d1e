/** Every string of the follow-up visit's "bone medicine now" question (moved into the message files at merge). */
import type { FollowUpBoneMedicine } from '../../../src-shared/contract/index.js';

export const text = {
  legend: 'Bone medicine now',
  notAsked: 'Not asked',
  values: {
    'not-started': 'Not started',
    started: 'Started since the last visit',
    taking: 'Taking',
    stopped: 'Stopped',
  } satisfies Record<FollowUpBoneMedicine, string>,
  /** In the visit list's sentence: "bone medicine taking". */
  inList: 'bone medicine',
} as const;

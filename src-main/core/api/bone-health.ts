/**
 * The bone-health plan of a draft consultation. The write is audited in
 * records/bone-health.ts and announced as `consultations.changed` by
 * `createCore`'s dispatch (the `boneHealth` area is one of changes.ts's record areas).
 */
import type { AreaHandlers } from '../handler.js';
import { writeBoneHealth } from '../records/bone-health.js';
import { readRecord } from '../records/record.js';

export const boneHealthApi: AreaHandlers<'boneHealth'> = {
  'boneHealth.save': ({ consultationId, plan, baseRevision }, { services }) => {
    writeBoneHealth(services, consultationId, plan, baseRevision);
    return readRecord(services, consultationId, 'consultationId');
  },
};

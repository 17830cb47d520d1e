import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, callNames, type CallName } from '../../../../src-shared/contract/index.js';
import { ApiError } from '../../../../src-shared/errors.js';
import type { CallResult } from '../../../../src-shared/envelope.js';
import { toErrorBody } from '../../../../src-main/core/registry.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => {
  t.close();
});

function failure(result: CallResult<unknown>): { code: string; message: string; field?: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function slideViewCount(): number {
  return (t.core.services.db.prepare('SELECT count(*) AS n FROM slide_views').get() as { n: number }).n;
}

const doctorOnly = callNames.filter((name) => !calls[name].roles.includes('patient'));

describe('dispatch', () => {
  it('answers NOT_FOUND, naming the call, for a call that does not exist', async () => {
    const error = failure(await t.raw('presentation.explode', {}));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('presentation.explode');
  });

  it.each([['toString'], ['constructor'], ['__proto__'], [''], [42], [null]])(
    'answers NOT_FOUND for the non-call name %j, even as a patient',
    async (name) => {
      for (const role of ['doctor', 'patient'] as const) {
        const result = await t.core.dispatch(name, {}, { role, windowId: 'w' });
        expect(failure(result).code).toBe('NOT_FOUND');
      }
    },
  );

  it('answers VALIDATION naming the field for an out-of-range slide index, and changes nothing', async () => {
    const before = await t.call('presentation.get', {});
    const error = failure(await t.raw('presentation.goto', { deckId: 'osteoporosis', slideIndex: -1 }));
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe('slideIndex');
    expect(error.message).toMatch(/^slideIndex: /);
    expect(await t.call('presentation.get', {})).toEqual(before);
    expect(t.pushes).toEqual([]);
  });

  it('names nested fields with their full path', async () => {
    const stroke = failure(
      await t.raw('presentation.addStroke', {
        stroke: {
          colour: 'red',
          points: [
            [0.5, 0.5],
            [1.5, 0.2],
          ],
        },
      }),
    );
    expect(stroke).toMatchObject({ code: 'VALIDATION', field: 'stroke.points.1.0' });
    expect(stroke.message).toMatch(/^stroke\.points\.1\.0: /);

    const playlist = failure(await t.raw('presentation.setPlaylist', { playlist: ['osteoporosis', 'Not A Deck'] }));
    expect(playlist).toMatchObject({ code: 'VALIDATION', field: 'playlist.1' });
    expect(playlist.message).toContain('lower-case letters, digits and dashes');

    const missing = failure(await t.raw('presentation.setBlank', {}));
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'blank' });
  });

  it('rejects an unknown extra key, naming it, without acting on the rest of the input', async () => {
    const error = failure(await t.raw('presentation.setBlank', { blank: 'black', sneaky: true }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('sneaky');
    expect((await t.call('presentation.get', {})).blank).toBe('none');
  });

  it('rejects input that is not an object', async () => {
    for (const input of ['black', 7, [], true]) {
      expect(failure(await t.raw('presentation.setBlank', input)).code).toBe('VALIDATION');
    }
  });

  it('treats missing input of a call without parameters as {}', async () => {
    const result = await t.raw('presentation.get', undefined);
    expect(result.ok).toBe(true);
  });

  it('has doctor-only calls to check (the contract lists records calls)', () => {
    expect(doctorOnly).toEqual(
      expect.arrayContaining(['presentation.next', 'decks.list', 'patients.search', 'notes.save', 'settings.update']),
    );
  });

  it('answers FORBIDDEN to the patient screen on every doctor-only call, before looking at its input', async () => {
    await t.call('presentation.start', {});
    const before = { state: await t.call('presentation.get', {}), views: slideViewCount(), pushes: t.pushes.length };
    for (const name of doctorOnly) {
      for (const input of [{}, { nonsense: 'x'.repeat(50) }, undefined]) {
        const error = failure(await t.raw(name, input, 'patient'));
        expect(error.code, name).toBe('FORBIDDEN');
        expect(error.message, name).toContain(name);
        expect(error.field, name).toBeUndefined();
      }
    }
    expect(await t.call('presentation.get', {})).toEqual(before.state);
    expect(slideViewCount()).toBe(before.views);
    expect(t.pushes).toHaveLength(before.pushes);
  });

  it('lets the patient screen read only the presentation state, decks and app info', () => {
    const patientCalls = callNames.filter((name) => calls[name].roles.includes('patient')).sort();
    expect(patientCalls).toEqual(['app.info', 'decks.get', 'presentation.get'] satisfies CallName[]);
  });

  it('gives the patient screen the presentation state, the same as the doctor sees', async () => {
    await t.call('presentation.next', {});
    await t.call('presentation.next', {});
    const doctor = await t.call('presentation.get', {});
    const patient = failureOrValue(await t.raw('presentation.get', {}, 'patient'));
    expect(patient).toEqual(doctor);
    expect(doctor.position).toEqual({ deckId: 'osteoporosis', slideIndex: 1, fragment: 0 });
  });

  it('gives the patient screen a deck without speaker notes, and the doctor with them', async () => {
    const doctorDeck = await t.call('decks.get', { id: 'osteoporosis', language: 'en' });
    expect(doctorDeck.slides.some((slide) => slide.notes.length > 0)).toBe(true);
    const patientDeck = failureOrValue(await t.raw('decks.get', { id: 'osteoporosis', language: 'en' }, 'patient')) as {
      slides: Array<{ id: string; html: string; notes: string }>;
    };
    expect(patientDeck.slides.map((slide) => slide.id)).toEqual(doctorDeck.slides.map((slide) => slide.id));
    expect(patientDeck.slides.map((slide) => slide.html)).toEqual(doctorDeck.slides.map((slide) => slide.html));
    expect(patientDeck.slides.every((slide) => slide.notes === '')).toBe(true);
    expect(JSON.stringify(patientDeck)).not.toContain(doctorDeck.slides[0]?.notes.slice(0, 40));
  });

  it('answers DISK_FULL when SQLite runs out of room while recording a slide view', async () => {
    const db = t.core.services.db;
    await t.call('presentation.start', {});
    // Cap the file at its current size and fill every page with slide views, as a full disk would.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const fill = db.prepare(
      "INSERT INTO slide_views (deck_id, slide_id, language, shown_at) VALUES ('x', 'y', 'en', '2026-11-23T09:00:00.000Z')",
    );
    expect(() => {
      for (let i = 0; i < 100_000; i++) fill.run();
    }).toThrow(/full/);
    const error = failure(await t.raw('presentation.next', {}));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toMatch(/disk is full/);
  });
});

function failureOrValue(result: CallResult<unknown>): unknown {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('toErrorBody', () => {
  it('maps SQLite SQLITE_FULL to DISK_FULL with a message telling the user what to do', () => {
    const body = toErrorBody(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
    expect(body.code).toBe('DISK_FULL');
    expect(body.message).toMatch(/Free some space/);
  });

  it('passes an ApiError through with its field', () => {
    expect(toErrorBody(new ApiError('NOT_FOUND', 'There is no deck "x".', 'id'))).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no deck "x".',
      field: 'id',
    });
  });

  it('hides other errors behind INTERNAL without leaking their text', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const body = toErrorBody(new Database.SqliteError('no such table: secret_table', 'SQLITE_ERROR'));
    expect(body.code).toBe('INTERNAL');
    expect(body.message).not.toContain('secret_table');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

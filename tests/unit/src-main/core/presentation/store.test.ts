import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language, PresentationState, Stroke } from '../../../../../src-shared/contract/index.js';
import { slideIndex } from '../../../helpers/slide-index.js';
import { makeTestCore, type TestCore } from '../../../helpers/test-core.js';
import { PresentationStore } from '../../../../../src-main/core/presentation/store.js';

interface ViewRow {
  deck_id: string;
  slide_id: string;
  language: string;
  shown_at: string;
  duration_ms: number;
}

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ start: '2026-11-23T09:00:00.000Z' });
});
afterEach(() => {
  t.close();
});

function views(): ViewRow[] {
  return t.core.services.db
    .prepare('SELECT deck_id, slide_id, language, shown_at, duration_ms FROM slide_views ORDER BY id')
    .all() as ViewRow[];
}

/** The id of the slide the state points at, read from the deck in the state's language. */
async function slideIdOf(state: PresentationState): Promise<string | undefined> {
  if (state.position.deckId === null) return undefined;
  const deck = await t.call('decks.get', { id: state.position.deckId, language: state.language });
  return deck.slides[state.position.slideIndex]?.id;
}

const red: Stroke = {
  colour: 'red',
  points: [
    [0.1, 0.1],
    [0.2, 0.2],
  ],
};
const blue: Stroke = { colour: 'blue', points: [[0.7, 0.3]] };

describe('presentation store through dispatch', () => {
  it('starts idle on the first slide of the default playlist, recording nothing', async () => {
    const state = await t.call('presentation.get', {});
    expect(state).toMatchObject({
      revision: 0,
      language: 'en',
      startedAt: null,
      blank: 'none',
      position: { deckId: 'osteoporosis', slideIndex: 0, fragment: 0 },
    });
    expect(state.playlist).toEqual([
      'osteoporosis',
      'vertebral-fracture',
      'conservative-care',
      'kyphoplasty',
      'augmentation-risks',
      'decision-aid',
      'after-treatment',
    ]);
    expect(views()).toEqual([]);
  });

  it('records a slide view when presenting starts, at the time of the clock', async () => {
    const state = await t.call('presentation.start', {});
    expect(state.startedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(views()).toEqual([
      {
        deck_id: 'osteoporosis',
        slide_id: 'osteoporosis-title',
        language: 'en',
        shown_at: '2026-11-23T09:00:00.000Z',
        duration_ms: 0,
      },
    ]);
  });

  it('makes the first "next" from idle start presenting without skipping the first slide', async () => {
    const state = await t.call('presentation.next', {});
    expect(state.startedAt).not.toBeNull();
    expect(state.position).toEqual({ deckId: 'osteoporosis', slideIndex: 0, fragment: 0 });
  });

  it('moves with next and prev, through builds, and logs one view per slide with its duration', async () => {
    await t.call('presentation.start', {});
    t.advance(20_000);
    let state = await t.call('presentation.next', {});
    expect(await slideIdOf(state)).toBe('what-is-osteoporosis');
    t.advance(30_000);
    state = await t.call('presentation.next', {});
    expect(await slideIdOf(state)).toBe('little-force');
    expect(state.position.fragment).toBe(0);
    // little-force has four builds: each press shows one more, on the same slide.
    for (let build = 1; build <= 4; build++) {
      t.advance(1_000);
      state = await t.call('presentation.next', {});
      expect(state.position).toEqual({ deckId: 'osteoporosis', slideIndex: 2, fragment: build });
    }
    t.advance(1_000);
    state = await t.call('presentation.next', {});
    expect(await slideIdOf(state)).toBe('silent');
    t.advance(5_000);
    state = await t.call('presentation.prev', {});
    expect(state.position).toEqual({ deckId: 'osteoporosis', slideIndex: 2, fragment: 4 });

    expect(views().map((v) => [v.slide_id, v.duration_ms, v.shown_at])).toEqual([
      ['osteoporosis-title', 20_000, '2026-11-23T09:00:00.000Z'],
      ['what-is-osteoporosis', 30_000, '2026-11-23T09:00:20.000Z'],
      ['little-force', 5_000, '2026-11-23T09:00:50.000Z'],
      ['silent', 5_000, '2026-11-23T09:00:55.000Z'],
      ['little-force', 0, '2026-11-23T09:01:00.000Z'],
    ]);
  });

  it('goes from the last slide of a deck to the first of the next, and back to the last build', async () => {
    await t.call('presentation.start', {});
    let state = await t.call('presentation.goto', { deckId: 'osteoporosis', slideIndex: 'last' });
    expect(await slideIdOf(state)).toBe('what-this-means');
    state = await t.call('presentation.next', {});
    expect(state.position).toEqual({ deckId: 'vertebral-fracture', slideIndex: 0, fragment: 0 });
    state = await t.call('presentation.prev', {});
    expect(state.position).toEqual({ deckId: 'osteoporosis', slideIndex: 8, fragment: 0 });
  });

  it('clamps a goto past the end, and refuses a deck that is not in the playlist', async () => {
    const last = (await t.call('decks.get', { id: 'kyphoplasty', language: 'en' })).slides.length - 1;
    const state = await t.call('presentation.goto', { deckId: 'kyphoplasty', slideIndex: 10_000, fragment: 100 });
    expect(state.position.slideIndex).toBe(last);
    expect(await slideIdOf(state)).toBe('augmentation-pros-cons');
    // goto also starts presenting: the doctor picked a slide to show.
    expect(state.startedAt).not.toBeNull();

    await t.call('presentation.setPlaylist', { playlist: ['osteoporosis'] });
    const refused = await t.raw('presentation.goto', { deckId: 'kyphoplasty', slideIndex: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'deckId' } });
  });

  it('does not count black or white screen time as time on the slide', async () => {
    await t.call('presentation.start', {});
    t.advance(10_000);
    await t.call('presentation.setBlank', { blank: 'black' });
    t.advance(60_000);
    await t.call('presentation.setBlank', { blank: 'none' });
    t.advance(5_000);
    await t.call('presentation.setBlank', { blank: 'white' });
    t.advance(45_000);
    // Moving while blanked keeps the screen blank: nothing is shown, nothing logged.
    await t.call('presentation.next', {});
    t.advance(15_000);
    await t.call('presentation.setBlank', { blank: 'none' });
    t.advance(7_000);
    await t.call('presentation.next', {});

    expect(views().map((v) => [v.slide_id, v.duration_ms])).toEqual([
      ['osteoporosis-title', 10_000],
      ['osteoporosis-title', 5_000],
      ['what-is-osteoporosis', 7_000],
      ['little-force', 0],
    ]);
  });

  it('does not count the idle screen, and writes the running duration when core closes', async () => {
    await t.call('presentation.start', {});
    t.advance(4_000);
    await t.call('presentation.stop', {});
    t.advance(120_000);
    await t.call('presentation.start', {});
    t.advance(9_000);
    const file = path.join(t.dataDir, 'consultdeck.sqlite');
    t.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT slide_id, duration_ms FROM slide_views ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { slide_id: 'osteoporosis-title', duration_ms: 4_000 },
      { slide_id: 'osteoporosis-title', duration_ms: 9_000 },
    ]);
    t = makeTestCore({ dataDir: t.dataDir });
  });

  it('keeps the slide when the language changes en → fr → de', async () => {
    await t.call('presentation.start', {});
    const sham = await slideIndex(t, 'kyphoplasty', 'evidence-sham-trials');
    let state = await t.call('presentation.goto', { deckId: 'kyphoplasty', slideIndex: sham, fragment: 1 });
    expect(await slideIdOf(state)).toBe('evidence-sham-trials');
    const deckHtml: string[] = [];
    for (const language of ['fr', 'de'] satisfies Language[]) {
      t.advance(3_000);
      state = await t.call('presentation.setLanguage', { language });
      expect(state.language).toBe(language);
      expect(await slideIdOf(state)).toBe('evidence-sham-trials');
      expect(state.position).toEqual({ deckId: 'kyphoplasty', slideIndex: sham, fragment: 1 });
      const deck = await t.call('decks.get', { id: 'kyphoplasty', language });
      expect(deck.language).toBe(language);
      deckHtml.push(deck.slides[sham]?.html ?? '');
    }
    // The patient really sees another language, not the English slide again.
    expect(deckHtml[0]).not.toBe(deckHtml[1]);
    expect(views().map((v) => [v.slide_id, v.language, v.duration_ms])).toEqual([
      ['osteoporosis-title', 'en', 0],
      ['evidence-sham-trials', 'en', 3_000],
      ['evidence-sham-trials', 'fr', 3_000],
      ['evidence-sham-trials', 'de', 0],
    ]);
  });

  it('keeps drawn marks with their slide: gone when leaving it, back when it returns', async () => {
    await t.call('presentation.start', {});
    let state = await t.call('presentation.addStroke', { stroke: red });
    expect(state.strokes).toEqual([red]);
    state = await t.call('presentation.next', {});
    expect(state.strokes).toEqual([]);
    state = await t.call('presentation.addStroke', { stroke: blue });
    expect(state.strokes).toEqual([blue]);
    state = await t.call('presentation.prev', {});
    expect(state.strokes).toEqual([red]);
    state = await t.call('presentation.goto', { deckId: 'osteoporosis', slideIndex: 1 });
    expect(state.strokes).toEqual([blue]);
    // Marks belong to the slide, not to its language.
    state = await t.call('presentation.setLanguage', { language: 'de' });
    expect(state.strokes).toEqual([blue]);
  });

  it('clears the marks of one slide, or of every slide', async () => {
    await t.call('presentation.start', {});
    await t.call('presentation.addStroke', { stroke: red });
    await t.call('presentation.next', {});
    await t.call('presentation.addStroke', { stroke: blue });
    await t.call('presentation.addStroke', { stroke: red });

    let state = await t.call('presentation.clearStrokes', { scope: 'slide' });
    expect(state.strokes).toEqual([]);
    state = await t.call('presentation.prev', {});
    expect(state.strokes).toEqual([red]);

    await t.call('presentation.next', {});
    await t.call('presentation.addStroke', { stroke: blue });
    state = await t.call('presentation.clearStrokes', { scope: 'all' });
    expect(state.strokes).toEqual([]);
    state = await t.call('presentation.prev', {});
    expect(state.strokes).toEqual([]);
    state = await t.call('presentation.next', {});
    expect(state.strokes).toEqual([]);
  });

  it('takes the laser pointer away when the slide changes', async () => {
    await t.call('presentation.start', {});
    await t.call('presentation.setPointer', { pointer: [0.5, 0.25] });
    expect((await t.call('presentation.get', {})).pointer).toEqual([0.5, 0.25]);
    const state = await t.call('presentation.next', {});
    expect(state.pointer).toBeNull();
  });

  it('pushes a laser move as a small delta on the same revision, and its end as a full state', async () => {
    const started = await t.call('presentation.start', {});
    t.pushes.length = 0;
    for (let i = 1; i <= 50; i += 1) await t.call('presentation.setPointer', { pointer: [i / 100, 0.5] });
    // Fifty moves: fifty small deltas, no full state (which carries every stroke of the slide).
    expect(t.pushes.map((p) => p.event)).toEqual(Array(50).fill('presentation.marks'));
    expect(t.pushes.at(-1)?.payload).toEqual({ epoch: started.epoch, revision: started.revision, pointer: [0.5, 0.5] });
    // A window that connects now takes the pointer with its snapshot.
    expect((await t.call('presentation.get', {})).pointer).toEqual([0.5, 0.5]);
    await t.call('presentation.setPointer', { pointer: null });
    const last = t.pushes.at(-1);
    expect(last?.event).toBe('presentation.changed');
    expect((last?.payload as PresentationState).pointer).toBeNull();
    expect((last?.payload as PresentationState).revision).toBe(started.revision + 1);
  });

  it('pushes pen points as deltas that continue one another, and keeps the stroke at pen up', async () => {
    await t.call('presentation.start', {});
    t.pushes.length = 0;
    await t.call('presentation.ink', { colour: 'blue', start: true, points: [[0.1, 0.1]] });
    await t.call('presentation.ink', {
      colour: 'blue',
      start: false,
      points: [
        [0.2, 0.2],
        [0.3, 0.3],
      ],
    });
    await t.call('presentation.ink', { colour: 'blue', start: false, points: [[0.4, 0.4]] });
    const inks = t.pushes.map((p) => (p.payload as { ink?: { from: number; points: unknown[] } }).ink);
    expect(inks.map((ink) => [ink?.from, ink?.points.length])).toEqual([
      [0, 1],
      [1, 2],
      [3, 1],
    ]);
    const stroke: Stroke = {
      colour: 'blue',
      points: [
        [0.1, 0.1],
        [0.2, 0.2],
        [0.3, 0.3],
        [0.4, 0.4],
      ],
    };
    const state = await t.call('presentation.addStroke', { stroke });
    expect(state.strokes).toEqual([stroke]);
    // The next stroke starts afresh.
    await t.call('presentation.ink', { colour: 'red', start: true, points: [[0.5, 0.5]] });
    expect((t.pushes.at(-1)?.payload as { ink: { from: number } }).ink.from).toBe(0);
  });

  it('keeps the current deck when the playlist still holds it, else goes to the new first deck', async () => {
    await t.call('presentation.goto', { deckId: 'kyphoplasty', slideIndex: 3 });
    let state = await t.call('presentation.setPlaylist', { playlist: ['after-treatment', 'kyphoplasty'] });
    expect(state.position).toEqual({ deckId: 'kyphoplasty', slideIndex: 3, fragment: 0 });
    state = await t.call('presentation.setPlaylist', { playlist: ['augmentation-risks', 'augmentation-risks'] });
    expect(state.playlist).toEqual(['augmentation-risks']);
    expect(state.position).toEqual({ deckId: 'augmentation-risks', slideIndex: 0, fragment: 0 });
    expect(await t.raw('presentation.setPlaylist', { playlist: ['osteoporosis', 'no-such-deck'] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'playlist.1' },
    });
  });

  it('pushes presentation.changed with every change, each with a higher revision, equal to the answer', async () => {
    const answers: PresentationState[] = [];
    answers.push(await t.call('presentation.start', {}));
    answers.push(await t.call('presentation.next', {}));
    answers.push(await t.call('presentation.setBlank', { blank: 'black' }));
    answers.push(await t.call('presentation.setLanguage', { language: 'fr' }));
    answers.push(await t.call('presentation.addStroke', { stroke: red }));
    answers.push(await t.call('presentation.prev', {}));
    answers.push(await t.call('presentation.stop', {}));

    expect(t.pushes.map((push) => push.event)).toEqual(Array(answers.length).fill('presentation.changed'));
    expect(t.pushes.map((push) => push.payload)).toEqual(answers);
    const revisions = answers.map((state) => state.revision);
    revisions.forEach((revision, index) => expect(revision).toBe(index + 1));
    // A read is not a change: no push, no new revision.
    expect((await t.call('presentation.get', {})).revision).toBe(answers.length);
    expect(t.pushes).toHaveLength(answers.length);
  });

  it('keeps windows and core in step when a slide view cannot be saved (disk full)', async () => {
    await t.call('presentation.start', {});
    const db = t.core.services.db;
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const fill = db.prepare(
      "INSERT INTO slide_views (deck_id, slide_id, language, shown_at) VALUES ('x', 'y', 'en', '2026-11-23T09:00:00.000Z')",
    );
    expect(() => {
      for (let i = 0; i < 100_000; i++) fill.run();
    }).toThrow(/full/);

    const result = await t.raw('presentation.next', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    // The windows only know the last pushed state; core must not have moved on without telling them.
    const lastPushed = t.pushes.at(-1)?.payload as PresentationState;
    expect(await t.call('presentation.get', {})).toEqual(lastPushed);
  });

  it("tells the console where 'next' goes, the same step next() then takes — across deck ends too", async () => {
    let state = await t.call('presentation.goto', { deckId: 'osteoporosis', slideIndex: 'last', fragment: 100 });
    // At the end of a deck the next step is the next deck's first slide, not "nothing".
    expect(state.next).toEqual({ deckId: 'vertebral-fracture', slideIndex: 0, fragment: 0 });
    for (let step = 0; step < 400 && state.next; step += 1) {
      const announced = state.next;
      state = await t.call('presentation.next', {});
      expect(state.position).toEqual(announced);
    }
    // The end of the playlist: nothing next, and next() stays.
    expect(state.next).toBeNull();
    const at = state.position;
    expect((await t.call('presentation.next', {})).position).toEqual(at);
  });
});

describe('presentation store at start-up', () => {
  it('renders no deck while it is created, and its first state still shows the next step', () => {
    const { library, presentation } = t.core.services;
    const views = presentation.views;
    const rendered: string[] = [];
    const counting = {
      ...library,
      get: (...args: Parameters<typeof library.get>) => {
        rendered.push(args[0]);
        return library.get(...args);
      },
    };
    const store = new PresentationStore({ library: counting, views, clock: () => t.now(), onChange: () => undefined });
    // Rendering a deck (Markdown, sanitizing) was most of the host's start: the listing's cache is enough here.
    expect(rendered).toEqual([]);
    // The first read works the "next" preview out, the same as a store that rendered at once.
    expect(store.state.position).toEqual(presentation.state.position);
    expect(store.state.next).toEqual({ deckId: 'osteoporosis', slideIndex: 1, fragment: 0 });
    expect(store.state.next).toEqual(presentation.state.next);
    expect(rendered.length).toBeGreaterThan(0);
  });
});

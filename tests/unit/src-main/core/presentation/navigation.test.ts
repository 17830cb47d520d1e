import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../../src-shared/contract/index.js';
import {
  describeNext,
  firstPosition,
  gotoPosition,
  nextPosition,
  prevPosition,
  type DeckShape,
  type ShapeOf,
} from '../../../../../src-main/core/presentation/navigation.js';

/** intro: 3 slides, the second with 2 builds; empty: no slides; risks: 2 slides, the last with 1 build. */
const shapes: Record<string, DeckShape> = {
  intro: [0, 2, 0],
  empty: [],
  risks: [0, 1],
  single: [0],
};
const shapeOf: ShapeOf = (deckId) => shapes[deckId] ?? null;
const playlist = ['intro', 'empty', 'missing', 'risks'];

const at = (deckId: string | null, slideIndex: number, fragment = 0): Position => ({ deckId, slideIndex, fragment });

/** Every position reached by pressing "next" from the start until nothing changes. */
function walkForward(from: Position): Position[] {
  const seen = [from];
  for (let step = 0; step < 100; step++) {
    const next = nextPosition(seen.at(-1) as Position, playlist, shapeOf);
    if (JSON.stringify(next) === JSON.stringify(seen.at(-1))) return seen;
    seen.push(next);
  }
  throw new Error('next never stopped');
}

describe('firstPosition', () => {
  it('is the first slide of the first deck that has slides', () => {
    expect(firstPosition(playlist, shapeOf)).toEqual(at('intro', 0));
    expect(firstPosition(['empty', 'missing', 'risks'], shapeOf)).toEqual(at('risks', 0));
  });

  it('is no deck at all for an empty playlist or one without slides', () => {
    expect(firstPosition([], shapeOf)).toEqual(at(null, 0));
    expect(firstPosition(['empty', 'missing'], shapeOf)).toEqual(at(null, 0));
  });
});

describe('nextPosition', () => {
  it('steps through the builds of a slide before moving to the next slide', () => {
    expect(nextPosition(at('intro', 0), playlist, shapeOf)).toEqual(at('intro', 1, 0));
    expect(nextPosition(at('intro', 1, 0), playlist, shapeOf)).toEqual(at('intro', 1, 1));
    expect(nextPosition(at('intro', 1, 1), playlist, shapeOf)).toEqual(at('intro', 1, 2));
    expect(nextPosition(at('intro', 1, 2), playlist, shapeOf)).toEqual(at('intro', 2, 0));
  });

  it('goes from the last slide to the first slide of the next deck with slides, skipping empty and missing decks', () => {
    expect(nextPosition(at('intro', 2), playlist, shapeOf)).toEqual(at('risks', 0));
  });

  it('stays on the last build of the last deck', () => {
    expect(nextPosition(at('risks', 1, 1), playlist, shapeOf)).toEqual(at('risks', 1, 1));
  });

  it('starts at the first slide when nothing is shown yet', () => {
    expect(nextPosition(at(null, 0), playlist, shapeOf)).toEqual(at('intro', 0));
  });

  it('visits every slide and build of the playlist exactly once, in order', () => {
    expect(walkForward(at('intro', 0))).toEqual([
      at('intro', 0),
      at('intro', 1, 0),
      at('intro', 1, 1),
      at('intro', 1, 2),
      at('intro', 2),
      at('risks', 0),
      at('risks', 1, 0),
      at('risks', 1, 1),
    ]);
  });
});

describe('prevPosition', () => {
  it('takes back builds one at a time', () => {
    expect(prevPosition(at('intro', 1, 2), playlist, shapeOf)).toEqual(at('intro', 1, 1));
    expect(prevPosition(at('intro', 1, 1), playlist, shapeOf)).toEqual(at('intro', 1, 0));
  });

  it('goes back to the previous slide with all its builds shown', () => {
    expect(prevPosition(at('intro', 2), playlist, shapeOf)).toEqual(at('intro', 1, 2));
    expect(prevPosition(at('intro', 1, 0), playlist, shapeOf)).toEqual(at('intro', 0));
  });

  it("goes from a deck's first slide into the previous deck's last slide, last build", () => {
    expect(prevPosition(at('risks', 0), playlist, shapeOf)).toEqual(at('intro', 2, 0));
    const withBuildsAtEnd = ['risks', 'single'];
    expect(prevPosition(at('single', 0), withBuildsAtEnd, shapeOf)).toEqual(at('risks', 1, 1));
  });

  it('stays on the first slide of the first deck', () => {
    expect(prevPosition(at('intro', 0), playlist, shapeOf)).toEqual(at('intro', 0));
  });

  it('retraces exactly the steps of next, backwards', () => {
    const forward = walkForward(at('intro', 0));
    const backward = [forward.at(-1) as Position];
    while (backward.length < forward.length) {
      backward.push(prevPosition(backward.at(-1) as Position, playlist, shapeOf));
    }
    expect(backward).toEqual([...forward].reverse());
  });
});

describe('gotoPosition', () => {
  it('goes to the slide asked for', () => {
    expect(gotoPosition('intro', 1, 0, shapes.intro as DeckShape)).toEqual(at('intro', 1, 0));
    expect(gotoPosition('intro', 1, 2, shapes.intro as DeckShape)).toEqual(at('intro', 1, 2));
  });

  it("clamps a slide past the end to the deck's last slide, and below zero to the first", () => {
    expect(gotoPosition('intro', 99, 0, shapes.intro as DeckShape)).toEqual(at('intro', 2));
    expect(gotoPosition('intro', -3, 0, shapes.intro as DeckShape)).toEqual(at('intro', 0));
  });

  it('clamps the build to the builds the slide has', () => {
    expect(gotoPosition('intro', 1, 50, shapes.intro as DeckShape)).toEqual(at('intro', 1, 2));
    expect(gotoPosition('intro', 0, 3, shapes.intro as DeckShape)).toEqual(at('intro', 0, 0));
    expect(gotoPosition('intro', 1, -1, shapes.intro as DeckShape)).toEqual(at('intro', 1, 0));
  });

  it("takes 'last' as the deck's last slide", () => {
    expect(gotoPosition('intro', 'last', 0, shapes.intro as DeckShape)).toEqual(at('intro', 2));
    expect(gotoPosition('risks', 'last', 1, shapes.risks as DeckShape)).toEqual(at('risks', 1, 1));
  });
});

describe('describeNext', () => {
  it('names the next build on this slide', () => {
    expect(describeNext(at('intro', 1, 0), playlist, shapeOf)).toEqual(at('intro', 1, 1));
  });

  it('names the next slide, and the next deck after the last slide', () => {
    expect(describeNext(at('intro', 0), playlist, shapeOf)).toEqual(at('intro', 1));
    expect(describeNext(at('intro', 2), playlist, shapeOf)).toEqual(at('risks', 0));
  });

  it('is null at the end of the last deck', () => {
    expect(describeNext(at('risks', 1, 1), playlist, shapeOf)).toBeNull();
    expect(describeNext(at('intro', 2), ['intro'], shapeOf)).toBeNull();
  });

  it('is the first slide when nothing is shown yet, and null when there is nothing to show', () => {
    expect(describeNext(at(null, 0), playlist, shapeOf)).toEqual(at('intro', 0));
    expect(describeNext(at(null, 0), [], shapeOf)).toBeNull();
  });
});

/**
 * Pure navigation over a playlist: steps are fragments within a slide, then
 * slides, then the next deck. Shapes give each deck's fragment counts.
 */
import type { Position } from '../../../src-shared/contract/index.js';

/** Fragment counts of each slide of a deck, in reading order. */
export type DeckShape = readonly number[];
export type ShapeOf = (deckId: string) => DeckShape | null;

export function firstPosition(playlist: readonly string[], shapeOf: ShapeOf): Position {
  for (const deckId of playlist) {
    const shape = shapeOf(deckId);
    if (shape && shape.length > 0) return { deckId, slideIndex: 0, fragment: 0 };
  }
  return { deckId: null, slideIndex: 0, fragment: 0 };
}

function neighbourDeck(playlist: readonly string[], deckId: string, dir: 1 | -1, shapeOf: ShapeOf): string | null {
  let index = playlist.indexOf(deckId) + dir;
  while (index >= 0 && index < playlist.length) {
    const candidate = playlist[index] as string;
    if ((shapeOf(candidate)?.length ?? 0) > 0) return candidate;
    index += dir;
  }
  return null;
}

export function nextPosition(position: Position, playlist: readonly string[], shapeOf: ShapeOf): Position {
  if (position.deckId === null) return firstPosition(playlist, shapeOf);
  const shape = shapeOf(position.deckId) ?? [];
  const fragments = shape[position.slideIndex] ?? 0;
  if (position.fragment < fragments) return { ...position, fragment: position.fragment + 1 };
  if (position.slideIndex + 1 < shape.length) return { ...position, slideIndex: position.slideIndex + 1, fragment: 0 };
  const nextDeck = neighbourDeck(playlist, position.deckId, 1, shapeOf);
  return nextDeck === null ? position : { deckId: nextDeck, slideIndex: 0, fragment: 0 };
}

export function prevPosition(position: Position, playlist: readonly string[], shapeOf: ShapeOf): Position {
  if (position.deckId === null) return firstPosition(playlist, shapeOf);
  if (position.fragment > 0) return { ...position, fragment: position.fragment - 1 };
  const shape = shapeOf(position.deckId) ?? [];
  if (position.slideIndex > 0) {
    const slideIndex = position.slideIndex - 1;
    return { deckId: position.deckId, slideIndex, fragment: shape[slideIndex] ?? 0 };
  }
  const prevDeck = neighbourDeck(playlist, position.deckId, -1, shapeOf);
  if (prevDeck === null) return position;
  const prevShape = shapeOf(prevDeck) ?? [];
  const slideIndex = prevShape.length - 1;
  return { deckId: prevDeck, slideIndex, fragment: prevShape[slideIndex] ?? 0 };
}

/** Clamps a requested slide into the deck; 'last' is the deck's last slide. */
export function gotoPosition(
  deckId: string,
  slideIndex: number | 'last',
  fragment: number,
  shape: DeckShape,
): Position {
  const last = Math.max(0, shape.length - 1);
  const index = slideIndex === 'last' ? last : Math.min(Math.max(0, slideIndex), last);
  return { deckId, slideIndex: index, fragment: Math.min(Math.max(0, fragment), shape[index] ?? 0) };
}

/** What the console shows as "next": a build on this slide, the next slide, or the end. */
export function describeNext(position: Position, playlist: readonly string[], shapeOf: ShapeOf): Position | null {
  const next = nextPosition(position, playlist, shapeOf);
  const same =
    next.deckId === position.deckId && next.slideIndex === position.slideIndex && next.fragment === position.fragment;
  return same ? null : next;
}

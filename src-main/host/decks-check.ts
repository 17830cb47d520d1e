/**
 * `npm run decks:check [DIR]`: check deck folders against slides/README.md.
 * DIR is one deck folder or a folder of decks (default: the repo's slides/).
 * Prints `file:line: message` per problem (structural and content rules), the
 * English readability per deck (Flesch–Kincaid and SMOG)
 * and a summary; exits 1 when there is any problem.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDecks, type DecksCheck } from '../core/decks/check.js';

/** The folder holding package.json above this file (works from src-main/ and out/main/src-main/). */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above decks-check');
    dir = parent;
  }
  return dir;
}

/** The report lines and exit code; separate from printing so it can be tested. */
export function formatCheck(result: DecksCheck): { lines: string[]; exitCode: number } {
  const all = [...result.problems, ...result.contentProblems];
  const lines = all.map((problem) =>
    problem.line > 0 ? `${problem.file}:${problem.line}: ${problem.message}` : `${problem.file}: ${problem.message}`,
  );
  for (const deck of result.decks) {
    if (deck.readability) {
      // Reported against the goals (FK ≤ 6, SMOG ≤ 8), never a failure: wording is the authors' call.
      const { grade, smog, words } = deck.readability;
      const over = grade > 6 || smog > 8 ? ' — above the goal (FK ≤ 6, SMOG ≤ 8)' : '';
      lines.push(
        `readability ${deck.deckId}: grade ${grade.toFixed(1)}, SMOG ${smog.toFixed(1)} (${words} words)${over}`,
      );
    }
  }
  const count = all.length;
  const decks = `${result.decks.length} deck${result.decks.length === 1 ? '' : 's'}`;
  lines.push(
    count === 0 ? `${decks} checked, no problems` : `${decks} checked, ${count} problem${count === 1 ? '' : 's'}`,
  );
  return { lines, exitCode: count === 0 ? 0 : 1 };
}

function main(argv: string[]): number {
  const dir = path.resolve(argv[0] ?? path.join(repoRoot(), 'slides'));
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`decks-check: ${dir} is not a folder`);
    return 2;
  }
  // Paths relative to the working directory, so editors and terminals can open them.
  const { lines, exitCode } = formatCheck(checkDecks(dir, process.cwd()));
  for (const line of lines) console.log(line);
  return exitCode;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

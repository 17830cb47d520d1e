/**
 * ESLint with the project's config and one rule only, on code placed in memory at a path of the repo:
 * the lint tests check a rule on fixtures without writing files. The fixtures are not on disk, so the
 * type-aware rules (and the project service) stay off.
 */
import path from 'node:path';
import { ESLint } from 'eslint';

export const root = path.resolve(import.meta.dirname, '../../..');

export function oneRule(ruleId: string): ESLint {
  return new ESLint({
    cwd: root,
    ruleFilter: (rule) => rule.ruleId === ruleId,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
}

/** `ruleId: message` of each problem found in `code` as if it were the file at `file` (relative to the repo). */
export async function lintAt(eslint: ESLint, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

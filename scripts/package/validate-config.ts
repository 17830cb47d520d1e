/**
 * electron-builder.yml checked against app-builder-lib's own JSON schema, with
 * the options electron-builder validates with, so a misspelt option for a
 * target this machine cannot build (nsis, dmg, AppImage, deb) fails here
 * instead of on the release machine. Also checks that every platform names
 * the installers the project promises.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const EXPECTED_TARGETS: Record<string, string[]> = { linux: ['AppImage', 'deb'], win: ['nsis'], mac: ['dmg'] };

export async function validateBuilderConfig(file: string): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const schemaFile = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
  const schema = JSON.parse(await fs.promises.readFile(schemaFile, 'utf8')) as object;
  const config = parse(await fs.promises.readFile(file, 'utf8')) as Record<string, { target?: unknown } | undefined>;
  const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false });
  const validate = ajv.compile(schema);
  const errors = validate(config)
    ? []
    : (validate.errors ?? [])
        .filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword))
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  for (const [platform, targets] of Object.entries(EXPECTED_TARGETS)) {
    const actual = config[platform]?.target;
    if (JSON.stringify(actual) !== JSON.stringify(targets)) {
      errors.push(`/${platform}/target is ${JSON.stringify(actual)}, expected ${JSON.stringify(targets)}`);
    }
  }
  return errors;
}

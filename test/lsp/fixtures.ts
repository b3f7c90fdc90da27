// The LSP tests' own small documents (test/fixtures/lsp) and the URIs they are opened under.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './client';

export const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'lsp');

export function fixture(name: string): { uri: string; text: string } {
  const file = path.join(FIXTURE_DIR, name);
  return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
}

/** The 0-based line holding `needle` (throws when absent, so a test cannot pass vacuously). */
export function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`fixture has no line with ${needle}`);
  return line;
}

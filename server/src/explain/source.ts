// How a vendor meaning's source is shown: the page, the day it was read, and whether the
// vendor wrote it (official) or the community did.
import type { SourcePage } from '../kb/types';

/** `official, read 2026-12-03`. */
export function sourceStanding(page: SourcePage): string {
  return `${page.official ? 'official' : 'community'}, read ${page.read}`;
}

/** `Title (official, read 2026-12-03) url` for plain text. */
export function sourceText(page: SourcePage): string {
  return `${page.title} (${sourceStanding(page)}) ${page.url}`;
}

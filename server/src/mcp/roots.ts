// Which files the MCP server may read: those under the roots the client declares (MCP
// `roots/list`), else under the `--root` folders it was started with, else under the folder
// it was started in. Paths are resolved through symbolic links before the check, so a link
// inside a root cannot lead outside it.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A path the client asked for, refused or resolved to a real file path. */
export type PathCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly error: string };

/** The folders a file must be under; `declared` are the client's `file:` roots when it has any. */
export class Roots {
  private declared: readonly string[] | undefined;
  /** A `roots/list` request under way: checks wait for it, so a first tool call sees the client's roots. */
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly fallback: readonly string[]) {}

  /** Replaces the client's roots (from a `roots/list` answer); non-`file:` roots are ignored. */
  setDeclared(uris: readonly string[]): void {
    this.declared = uris.flatMap((uri) => {
      try {
        return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
      } catch {
        return [];
      }
    });
  }

  /** Makes checks wait until `update` (a refresh of the client's roots) has settled. */
  whenReady(update: Promise<void>): void {
    this.pending = update;
  }

  /** The folders in force, for messages. */
  current(): readonly string[] {
    return this.declared ?? this.fallback;
  }

  /** Resolves `requested` (absolute, or relative to the first root) and checks it is under a root. */
  async check(requested: string): Promise<PathCheck> {
    await this.pending;
    const roots = this.current();
    if (roots.length === 0) return { ok: false, error: 'no file can be read: the client declared no file roots' };
    const absolute = path.resolve(roots[0]!, requested);
    let real: string;
    try {
      real = await realpath(absolute);
    } catch {
      return { ok: false, error: `cannot read ${requested}: no such file` };
    }
    for (const root of roots) {
      const realRoot = await realpath(root).catch(() => undefined);
      if (realRoot !== undefined && isInside(real, realRoot)) return { ok: true, path: real };
    }
    return { ok: false, error: `refused: ${requested} is outside the allowed roots (${roots.join(', ')})` };
  }
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

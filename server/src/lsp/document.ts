// One open document as the server keeps it: its lines, the scanner state before each line, and
// what each scanned line yielded. Edits are applied to the line array and re-scan only the lines
// they touch, continuing while the state after a line differs from the state stored before the
// edit, so that typing in a 50 MB log re-scans a few lines. Lines are scanned front to back; the
// `scanned` frontier lets a large document be scanned in chunks while edits keep arriving.
import { checkLine, detectKind, initialState, lineStatesEqual, scanLine, splitLines } from '../service';
import type { Finding, LineState } from '../scan/types';
import type { DocumentKind, Problem, Settings } from '../service/types';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** An LSP content change: a range edit, or the whole text when `range` is absent. */
export interface ContentChange {
  readonly range?: { readonly start: Position; readonly end: Position };
  readonly text: string;
}

/**
 * What one scanned line yielded; `line` is where the line was when scanned. When edits above
 * have moved it, it is brought up to date on first read (see resultAt). Problems are not kept:
 * a big log can have hundreds of thousands, and they are cheap to re-derive from the findings
 * for the few lines a publication, hover or code action needs.
 */
interface LineResult {
  readonly findings: readonly Finding[];
  readonly line: number;
}

const BLANK: LineResult = { findings: [], line: 0 };
const NO_PROBLEMS: readonly Problem[] = [];

/** The kind is detected from this many leading lines, on open and after edits among them. */
const KIND_SAMPLE_LINES = 200;

/** Above this many items, array splices are rebuilt by concatenation (spread has an argument limit). */
const SPREAD_LIMIT = 10_000;

function replaceItems<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): T[] {
  if (items.length <= SPREAD_LIMIT) {
    array.splice(start, deleteCount, ...items);
    return array;
  }
  return array.slice(0, start).concat(items as T[], array.slice(start + deleteCount));
}

function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#][\s\S]*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * A copy of `value` with every numeric `line` property moved by `delta`; `value` itself when it
 * has none. Stored states and findings refer to lines by number (a pair's partner, a reply
 * group's first line, a DSN block's fields); an edit above them moves all those lines together.
 */
export function moveLineRefs<T>(value: T, delta: number): T {
  if (delta === 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const moved = moveLineRefs(item, delta);
      if (moved !== item) (copy ??= value.slice())[i] = moved;
    }
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const item = record[key];
    let moved = item;
    if (key === 'line' && typeof item === 'number') moved = item + delta;
    else if (typeof item === 'object') moved = moveLineRefs(item, delta);
    if (moved !== item) (copy ??= { ...record })[key] = moved;
  }
  return (copy ?? value) as T;
}

export class LineDocument {
  private lines: string[] = [];
  /** states[i] is the scanner state before line i, for i <= scanned... */
  private states: LineState[] = [];
  /** ...computed when that line was line origins[i] (see stateFor). */
  private origins: number[] = [];
  /** results[i] for i < scanned. */
  private results: LineResult[] = [];
  /** The number of problems of line i, for i < scanned: publishing reads this compact array. */
  private counts: number[] = [];
  private kindValue: DocumentKind = 'log';
  /** Characters, counting each line break as one. */
  private sizeValue = 0;
  /** Counts the changes applied: unlike `version`, it changes whatever a client sends. */
  private revisionValue = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
    private settings: Settings,
  ) {
    this.replaceAll(text);
  }

  get kind(): DocumentKind {
    return this.kindValue;
  }
  get lineCount(): number {
    return this.lines.length;
  }
  /** Number of leading lines scanned so far. */
  get scanned(): number {
    return this.results.length;
  }
  get complete(): boolean {
    return this.results.length === this.lines.length;
  }
  get size(): number {
    return this.sizeValue;
  }
  get revision(): number {
    return this.revisionValue;
  }

  lineText(line: number): string {
    return this.lines[line] ?? '';
  }

  allLines(): readonly string[] {
    return this.lines;
  }

  /** Forgets every scan result; the next scan starts from the first line. */
  reset(): void {
    this.states = [initialState(this.kindValue)];
    this.origins = [0];
    this.results = [];
    this.counts = [];
  }

  /** New settings: problems are counted again from the stored findings, nothing is re-scanned. */
  recheck(settings: Settings): void {
    this.settings = settings;
    for (let i = 0; i < this.results.length; i++) {
      if (this.results[i]!.findings.length > 0) this.counts[i] = this.problemsAt(i).length;
    }
  }

  /** Scans up to `count` more lines. */
  scanMore(count: number): void {
    const end = Math.min(this.lines.length, this.results.length + count);
    for (let i = this.results.length; i < end; i++) this.store(i + 1, this.scanAt(i));
  }

  /** Scans (synchronously) up to and including `line`. */
  ensureScanned(line: number): void {
    if (line >= this.results.length) this.scanMore(line + 1 - this.results.length);
  }

  /** Findings of a scanned line (empty beyond the frontier). */
  findingsAt(line: number): readonly Finding[] {
    return this.resultAt(line)?.findings ?? BLANK.findings;
  }

  /** Problems of a scanned line (empty beyond the frontier). */
  problemsAt(line: number): readonly Problem[] {
    const findings = this.findingsAt(line);
    return findings.length === 0 ? NO_PROBLEMS : checkLine(findings, this.settings);
  }

  /** How many problems a scanned line has (moving a line does not change it). */
  problemCountAt(line: number): number {
    return this.counts[line] ?? 0;
  }

  /** Applies LSP content changes in order. */
  applyChanges(changes: readonly ContentChange[], version: number): void {
    for (const change of changes) {
      if (change.range === undefined) this.replaceAll(change.text);
      else this.applyRangeEdit(change.range.start, change.range.end, change.text);
    }
    this.version = version;
    this.revisionValue += 1;
  }

  /**
   * The stored state before `line`, its line references moved as far as the line has moved since
   * it was computed. Sound because a re-scan stops only where the moved stored state equals the
   * new one, so every reference a stored state keeps has moved together with its line.
   */
  private stateFor(line: number): LineState {
    return moveLineRefs(this.states[line]!, line - this.origins[line]!);
  }

  private store(line: number, state: LineState): void {
    this.states[line] = state;
    this.origins[line] = line;
  }

  private scanAt(line: number): LineState {
    const { findings, next } = scanLine(this.lines[line]!, line, this.stateFor(line));
    this.results[line] = findings.length === 0 ? BLANK : { findings, line };
    this.counts[line] = findings.length === 0 ? 0 : checkLine(findings, this.settings).length;
    return next;
  }

  /**
   * The result of a scanned line, brought to where the line is now: its findings' line
   * references move with it. Stored back, so each moved line is updated once.
   */
  private resultAt(line: number): LineResult | undefined {
    const result = this.results[line];
    if (result === undefined || result.line === line || result.findings.length === 0) return result;
    const moved: LineResult = { findings: moveLineRefs(result.findings, line - result.line), line };
    this.results[line] = moved;
    return moved;
  }

  private detect(): DocumentKind {
    const sample = this.lines.length <= KIND_SAMPLE_LINES ? this.lines : this.lines.slice(0, KIND_SAMPLE_LINES);
    return detectKind(fileNameOf(this.uri), sample.join('\n'), this.languageId);
  }

  private replaceAll(text: string): void {
    this.lines = splitLines(text);
    this.sizeValue = this.lines.reduce((sum, line) => sum + line.length, this.lines.length - 1);
    this.kindValue = this.detect();
    this.reset();
  }

  private clamp(position: Position): Position {
    const line = Math.min(Math.max(0, Math.floor(position.line)), this.lines.length - 1);
    if (position.line > line) return { line, character: this.lines[line]!.length };
    const character = Math.min(Math.max(0, Math.floor(position.character)), this.lines[line]!.length);
    return { line, character };
  }

  private applyRangeEdit(rawStart: Position, rawEnd: Position, text: string): void {
    let start = this.clamp(rawStart);
    let end = this.clamp(rawEnd);
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];

    const first = this.lines[start.line]!;
    const last = this.lines[end.line]!;
    this.sizeValue += text.length - this.removedLength(start, end);
    const inserted = splitLines(first.slice(0, start.character) + text + last.slice(end.character));
    const removed = end.line - start.line + 1;
    this.lines = replaceItems(this.lines, start.line, removed, inserted);

    if (start.line < KIND_SAMPLE_LINES) {
      const kind = this.detect();
      if (kind !== this.kindValue) {
        this.kindValue = kind;
        this.reset();
        return;
      }
    }
    const frontier = this.results.length;
    if (start.line >= frontier) return; // not scanned yet: nothing stored to fix
    if (end.line >= frontier) {
      // The edit reaches past the frontier: drop what follows its start and scan on from there.
      this.results.length = start.line;
      this.counts.length = start.line;
      this.states.length = start.line + 1;
      this.origins.length = start.line + 1;
      return;
    }
    // results[start..end] give way to one slot per inserted line; the stored state after the
    // old last line (states[end + 1]) ends up right after the inserted lines.
    this.results = replaceItems(this.results, start.line, removed, new Array<LineResult>(inserted.length).fill(BLANK));
    this.counts = replaceItems(this.counts, start.line, removed, new Array<number>(inserted.length).fill(0));
    const placeholders = inserted.length - 1;
    this.states = replaceItems(this.states, start.line + 1, removed - 1, new Array<LineState>(placeholders).fill(this.states[start.line]!));
    this.origins = replaceItems(this.origins, start.line + 1, removed - 1, new Array<number>(placeholders).fill(0));
    this.rescanFrom(start.line, start.line + inserted.length - 1);
  }

  /** Re-scans from `from`; past `lastEdited`, stops at the first line whose incoming state is unchanged. */
  private rescanFrom(from: number, lastEdited: number): void {
    const frontier = this.results.length;
    for (let i = from; i < frontier; i++) {
      const next = this.scanAt(i);
      if (i >= lastEdited && lineStatesEqual(next, this.stateFor(i + 1))) return;
      this.store(i + 1, next);
    }
  }

  private removedLength(start: Position, end: Position): number {
    if (start.line === end.line) return end.character - start.character;
    let length = this.lines[start.line]!.length - start.character + 1 + end.character;
    for (let i = start.line + 1; i < end.line; i++) length += this.lines[i]!.length + 1;
    return length;
  }
}

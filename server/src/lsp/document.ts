// One open document as the server keeps it: its lines, the scanner state before each line, and
// how many problems each scanned line has. Edits are applied to the line array and re-scan only
// the lines they touch, continuing while the state after a line differs from the state stored
// before the edit, so that typing in a 50 MB log re-scans a few lines. Lines are scanned front
// to back; the `scanned` frontier lets a large document be scanned in chunks while edits keep
// arriving.
//
// Findings and problems are not kept: a big log has hundreds of thousands of them. Scanning one
// line from its stored state is cheap and gives exactly what a full scan gives, so the few lines
// a publication, hover or code action needs are scanned again when asked for.
import { analyzeText, checkLine, detectKind, initialState, lineStatesEqual, scanLine, splitLines } from '../service';
import type { Finding, LineState } from '../service';
import type { DocumentKind, Problem, Settings } from '../service/types';
import { tallyCount, tallyOf, type Tally } from './tally';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** An LSP content change: a range edit, or the whole text when `range` is absent. */
export interface ContentChange {
  readonly range?: { readonly start: Position; readonly end: Position };
  readonly text: string;
}

const NO_FINDINGS: readonly Finding[] = [];
const NO_PROBLEMS: readonly Problem[] = [];

/** What one line holds. */
export interface LineAnalysis {
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
}

/** The break after a line is stored as its length (0 after the last line, 1 for LF, 2 for CRLF), or as this for a lone CR, which a following LF would join. */
const LONE_CR = -1;

/**
 * The text's lines (split by the one shared splitter) and, for each, the length of the line
 * break after it, with a lone CR marked apart: an edit that puts an LF after it joins the two.
 */
function splitWithBreaks(text: string): { lines: string[]; breaks: number[] } {
  const lines = splitLines(text);
  const breaks = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    offset += lines[i]!.length;
    const code = text.charCodeAt(offset);
    const size = code === 13 ? (text.charCodeAt(offset + 1) === 10 ? 2 : 1) : code === 10 ? 1 : 0;
    breaks[i] = size === 1 && code === 13 ? LONE_CR : size;
    offset += size;
  }
  return { lines, breaks };
}

const breakLength = (mark: number): number => (mark === LONE_CR ? 1 : mark);
const breakText = (mark: number): string => (mark === LONE_CR ? '\r' : mark === 2 ? '\r\n' : mark === 1 ? '\n' : '');

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

function kindOf(uri: string, lines: readonly string[], languageId: string): DocumentKind {
  const sample = lines.length <= KIND_SAMPLE_LINES ? lines : lines.slice(0, KIND_SAMPLE_LINES);
  return detectKind(fileNameOf(uri), sample.join('\n'), languageId);
}

/**
 * The problems of the first whole lines within `maxChars` of a text longer than that, found
 * before the text is split and stored: what the editor shows first, published at once.
 */
export function headProblems(uri: string, languageId: string, text: string, settings: Settings, maxChars: number): { problems: Problem[]; lines: number } | undefined {
  const cut = text.length > maxChars ? text.lastIndexOf('\n', maxChars) : -1;
  if (cut < 0) return undefined;
  const lines = splitLines(text.slice(0, cut));
  return { problems: analyzeText(text.slice(0, cut), kindOf(uri, lines, languageId), settings).problems, lines: lines.length };
}

/**
 * A copy of `value` with every numeric `line` property moved by `delta`; `value` itself when it
 * has none. Stored states refer to lines by number (a reply group's first line, a DSN block's
 * fields); an edit above them moves all those lines together.
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
  /** The line break after each line (see splitWithBreaks). */
  private breaks: number[] = [];
  /** states[i] is the scanner state before line i, for i <= scanned... */
  private states: LineState[] = [];
  /** ...computed when that line was line origins[i] (see stateFor). */
  private origins: number[] = [];
  /** The problems of line i counted (see tally.ts), for i < scanned (so its length is the frontier). */
  private counts: Tally[] = [];
  private kindValue: DocumentKind = 'log';
  /** Characters, line breaks included. */
  private sizeValue = 0;
  /** Counts the changes applied: unlike `version`, it changes whatever a client sends. */
  private revisionValue = 0;
  /** Lines scanned since the document was opened: shows what an edit or a setting costs. */
  private linesScannedValue = 0;
  /** Lines the scanner or the rules threw on (a bug in the core), read as lines without codes or problems. */
  failures = 0;
  /** The line analysed last: publishing, hovering and code actions often ask for the same line. */
  private last: (LineAnalysis & { readonly line: number }) | undefined;

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
    return this.counts.length;
  }
  get complete(): boolean {
    return this.counts.length === this.lines.length;
  }
  get size(): number {
    return this.sizeValue;
  }
  get revision(): number {
    return this.revisionValue;
  }
  get linesScanned(): number {
    return this.linesScannedValue;
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
    this.counts = [];
    this.last = undefined;
  }

  /** New settings: the problems are counted again by a new scan. */
  recheck(settings: Settings): void {
    this.settings = settings;
    this.reset();
  }

  /** Scans up to `count` more lines. */
  scanMore(count: number): void {
    const end = Math.min(this.lines.length, this.counts.length + count);
    for (let i = this.counts.length; i < end; i++) this.store(i + 1, this.scanAt(i));
  }

  /** Findings of a scanned line (empty beyond the frontier). */
  findingsAt(line: number): readonly Finding[] {
    if (this.last?.line === line) return this.last.findings;
    return line < this.counts.length ? this.scanOne(line).findings : NO_FINDINGS;
  }

  /** Problems of a scanned line (empty beyond the frontier). */
  problemsAt(line: number): readonly Problem[] {
    return this.lineAt(line).problems;
  }

  /** Findings and problems of a scanned line (empty beyond the frontier). */
  lineAt(line: number): LineAnalysis {
    if (this.last?.line === line) return this.last;
    const findings = this.findingsAt(line);
    // Most lines have no problem, and their tally says so without running the rules.
    const problems = tallyCount(this.problemTallyAt(line)) === 0 ? NO_PROBLEMS : this.check(findings);
    const analysis = { findings, problems };
    if (line < this.counts.length) this.last = { ...analysis, line };
    return analysis;
  }

  /** How many problems a scanned line has and how severe (moving a line does not change it). */
  problemTallyAt(line: number): Tally {
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

  /** Scans one line; a scanner failure on a line reads as a line without codes, not a dead document. */
  private scanOne(line: number): { readonly findings: readonly Finding[]; readonly next: LineState } {
    const state = this.stateFor(line);
    try {
      return scanLine(this.lines[line]!, line, state);
    } catch {
      this.failures += 1;
      return { findings: NO_FINDINGS, next: state };
    }
  }

  private check(findings: readonly Finding[]): readonly Problem[] {
    if (findings.length === 0) return NO_PROBLEMS;
    try {
      return checkLine(findings, this.settings);
    } catch {
      this.failures += 1;
      return NO_PROBLEMS;
    }
  }

  private store(line: number, state: LineState): void {
    this.states[line] = state;
    this.origins[line] = line;
  }

  private scanAt(line: number): LineState {
    const { findings, next } = this.scanOne(line);
    this.linesScannedValue += 1;
    if (findings.length === 0) {
      this.counts[line] = 0;
    } else {
      const problems = this.check(findings);
      this.counts[line] = tallyOf(problems);
      this.last = { findings, problems, line };
    }
    return next;
  }

  private detect(): DocumentKind {
    return kindOf(this.uri, this.lines, this.languageId);
  }

  private replaceAll(text: string): void {
    ({ lines: this.lines, breaks: this.breaks } = splitWithBreaks(text));
    this.sizeValue = text.length;
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
    this.last = undefined;
    let start = this.clamp(rawStart);
    let end = this.clamp(rawEnd);
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];

    // The lines from `start` through `end` are split again, with the break after `end`, so that
    // breaks the edit joins (CR + LF) count once, as in the full text. An edit right after a lone
    // CR starts one line earlier, taking that CR in.
    let head = this.lines[start.line]!.slice(0, start.character);
    if (start.character === 0 && start.line > 0 && this.breaks[start.line - 1] === LONE_CR) {
      start = { line: start.line - 1, character: this.lines[start.line - 1]!.length };
      head = `${this.lines[start.line]}\r`;
    }
    const removed = end.line - start.line + 1;
    const tail = this.lines[end.line]!.slice(end.character) + breakText(this.breaks[end.line]!);
    const { lines: inserted, breaks: insertedBreaks } = splitWithBreaks(head + text + tail);
    if (this.breaks[end.line] !== 0) {
      // The piece after the final break belongs to the next line, which is not replaced.
      inserted.pop();
      insertedBreaks.pop();
    }
    this.sizeValue += this.lengthOf(inserted, insertedBreaks) - this.lengthOf(this.lines.slice(start.line, end.line + 1), this.breaks.slice(start.line, end.line + 1));
    this.lines = replaceItems(this.lines, start.line, removed, inserted);
    this.breaks = replaceItems(this.breaks, start.line, removed, insertedBreaks);

    if (start.line < KIND_SAMPLE_LINES) {
      const kind = this.detect();
      if (kind !== this.kindValue) {
        this.kindValue = kind;
        this.reset();
        return;
      }
    }
    const frontier = this.counts.length;
    if (start.line >= frontier) return; // not scanned yet: nothing stored to fix
    if (end.line >= frontier) {
      // The edit reaches past the frontier: drop what follows its start and scan on from there.
      this.counts.length = start.line;
      this.states.length = start.line + 1;
      this.origins.length = start.line + 1;
      return;
    }
    // counts[start..end] give way to one slot per inserted line; the stored state after the
    // old last line (states[end + 1]) ends up right after the inserted lines.
    this.counts = replaceItems(this.counts, start.line, removed, new Array<number>(inserted.length).fill(0));
    const placeholders = inserted.length - 1;
    this.states = replaceItems(this.states, start.line + 1, removed - 1, new Array<LineState>(placeholders).fill(this.states[start.line]!));
    this.origins = replaceItems(this.origins, start.line + 1, removed - 1, new Array<number>(placeholders).fill(0));
    this.rescanFrom(start.line, start.line + inserted.length - 1);
  }

  /** Re-scans from `from`; past `lastEdited`, stops at the first line whose incoming state is unchanged. */
  private rescanFrom(from: number, lastEdited: number): void {
    const frontier = this.counts.length;
    for (let i = from; i < frontier; i++) {
      const next = this.scanAt(i);
      if (i >= lastEdited && lineStatesEqual(next, this.stateFor(i + 1))) return;
      this.store(i + 1, next);
    }
  }

  private lengthOf(lines: readonly string[], breaks: readonly number[]): number {
    let length = 0;
    for (let i = 0; i < lines.length; i++) length += lines[i]!.length + breakLength(breaks[i]!);
    return length;
  }
}

// The message index of one document: a left fold over its lines (each line read on its own,
// see read.ts) that an editor keeps per open document and updates on edits by re-reading the
// edited lines only. Per line it keeps just the ids (a string for most lines); facts are read
// again from the line's text when a request needs them, and messages are grouped on demand.
import { groupLines, lineIdsOf, type Grouping, type LineIds, type MessageGroup } from './group';
import { idSpans, readLine } from './read';
import { timelineOf, type MessageTimeline } from './timeline';
import type { IdSpan, LineFacts } from './types';

export type { Leg, LegRole, MessageGroup } from './group';
export { MAX_LINES_PER_MESSAGE } from './group';
export type { AttemptAt, MessageOutcome, MessageTimeline, RecipientTimeline } from './timeline';
export type { Attempt, IdSpan, LineFacts, Mention, MentionRole, Mta, Outcome } from './types';
export { hasIdAt, readLine } from './read';
export { SYSLOG_YEAR } from './syslog';
export { foldLines, LineFold } from './fold';
export { formatDelay, timelineMarkdown, timelineSummary } from './render';

/** An id span on a line, with the message it belongs to in this document. */
export interface IdAt {
  readonly line: number;
  readonly span: IdSpan;
  /** The key of this id in the document (a queue id seen again after it left the queue gets `#2`). */
  readonly key: string;
  readonly message: number;
}

export interface IdLocation {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

/** Timelines cached per grouping: hovers and lenses ask for the same messages again and again. */
const TIMELINE_CACHE = 2_000;

export class TraceIndex {
  private ids: LineIds[] = [];
  private grouped: Grouping | undefined;
  private timelines = new Map<number, MessageTimeline>();

  /** `textAt(n)` gives line n's text whenever the index needs to read it again. */
  constructor(private readonly textAt: (line: number) => string) {}

  get lineCount(): number {
    return this.ids.length;
  }

  /** The fold step: the next line. True when the line belongs to a message (so its text must stay readable). */
  add(text: string): boolean {
    const ids = lineIdsOf(readLine(text));
    this.ids.push(ids);
    this.invalidate();
    return ids !== undefined;
  }

  /** Lines `start`..`start + deleteCount - 1` were replaced by `texts`. */
  splice(start: number, deleteCount: number, texts: readonly string[]): void {
    const read = texts.map((text) => lineIdsOf(readLine(text)));
    if (read.length < 10_000) this.ids.splice(start, deleteCount, ...read);
    else this.ids = this.ids.slice(0, start).concat(read, this.ids.slice(start + deleteCount));
    this.invalidate();
  }

  factsAt(line: number): LineFacts | undefined {
    return this.ids[line] === undefined ? undefined : readLine(this.textAt(line));
  }

  get grouping(): Grouping {
    return (this.grouped ??= groupLines(this.ids));
  }

  messages(): readonly MessageGroup[] {
    return this.grouping.messages;
  }

  messageAtLine(line: number): number {
    return this.grouping.messageOfLine[line] ?? -1;
  }

  timeline(message: number): MessageTimeline | undefined {
    const group = this.grouping.messages[message];
    if (group === undefined) return undefined;
    let timeline = this.timelines.get(message);
    if (timeline === undefined) {
      if (this.timelines.size >= TIMELINE_CACHE) this.timelines.clear();
      timeline = timelineOf(group, (line) => this.factsAt(line), (line) => this.grouping.keysAt(line)[0]!);
      this.timelines.set(message, timeline);
    }
    return timeline;
  }

  /** The messages an id names: a queue id of any of their hops, or a Message-ID (with or without `<>`). */
  messagesNamed(id: string): number[] {
    const name = id.replace(/^<(.*)>$/, '$1');
    const keys = new Set([name, `mid:${name}`]);
    return this.messages().filter((group) => group.legs.some((leg) => keys.has(leg.text) || keys.has(leg.key))).map((group) => group.index);
  }

  /** The id under a cursor (`character` inside or right after it). */
  idAt(line: number, character: number): IdAt | undefined {
    const facts = this.factsAt(line);
    if (facts === undefined) return undefined;
    const spans = idSpans(facts);
    const index = spans.findIndex((span) => span.start <= character && character <= span.end);
    if (index < 0) return undefined;
    const key = this.grouping.keysAt(line)[index];
    const message = this.messageAtLine(line);
    return key === undefined || message < 0 ? undefined : { line, span: spans[index]!, key, message };
  }

  /** The first line of the id (its leg of the message): where it is defined. */
  definitionOf(id: IdAt): number {
    return this.grouping.messages[id.message]?.legs.find((leg) => leg.key === id.key)?.firstLine ?? id.line;
  }

  /** Every id span on the message's lines, hops included; only those of `key` when given. */
  locations(message: number, key?: string): IdLocation[] {
    const group = this.grouping.messages[message];
    if (group === undefined) return [];
    const out: IdLocation[] = [];
    for (const line of group.lines) {
      const facts = this.factsAt(line);
      if (facts === undefined) continue;
      const keys = this.grouping.keysAt(line);
      idSpans(facts).forEach((span, i) => {
        const spanKey = keys[i]!;
        if (key === undefined ? this.messageOfKey(spanKey, message) : spanKey === key) out.push({ line, start: span.start, end: span.end, key: spanKey });
      });
    }
    return out;
  }

  private messageOfKey(key: string, message: number): boolean {
    return this.grouping.messages[message]?.legs.some((leg) => leg.key === key) ?? false;
  }

  private invalidate(): void {
    this.grouped = undefined;
    this.timelines.clear();
  }
}

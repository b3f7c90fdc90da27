// Groups the facts of a document's lines into messages: one pass in line order joins every id
// with the ids its hops name (union-find), so a message is all its queue ids, its bounce and its
// Message-ID. A queue id seen again after its message left the queue starts a new message.
import type { LineFacts, MentionRole } from './types';

/**
 * What grouping needs of a line: its owner's key, or with the line's mentions and whether the
 * message leaves the queue there. A string for most lines, so a big log's index stays small.
 */
export type LineIds = string | { readonly owner: string; readonly closes: boolean; readonly mentions: readonly { readonly key: string; readonly role: MentionRole }[] } | undefined;

export function lineIdsOf(facts: LineFacts | undefined): LineIds {
  if (facts === undefined) return undefined;
  if (facts.mentions.length === 0 && !facts.closes) return facts.owner.key;
  return { owner: facts.owner.key, closes: facts.closes === true, mentions: facts.mentions.map(({ key, role }) => ({ key, role })) };
}

/** Lines kept per message; a longer message (a busy connection's rejects) is counted, not listed. */
export const MAX_LINES_PER_MESSAGE = 5_000;

export type LegRole = 'original' | 'hop' | 'bounce';

/** One id of a message: its text, its key in this document, and how it joined the message. */
export interface Leg {
  readonly key: string;
  readonly text: string;
  readonly role: LegRole;
  readonly firstLine: number;
}

export interface MessageGroup {
  readonly index: number;
  /** The original id first (a filter's re-queue may be logged before it), then hops and bounces in order of appearance. */
  readonly legs: readonly Leg[];
  /** Line numbers of the message, in order (at most MAX_LINES_PER_MESSAGE). */
  readonly lines: readonly number[];
  /** All its lines, kept or not. */
  readonly lineCount: number;
}

export interface Grouping {
  readonly messages: readonly MessageGroup[];
  /** Per line: the index of its message, or -1. */
  readonly messageOfLine: Int32Array;
  /** The keys of a line's id spans, owner first (as idSpans lists them); empty for other lines. */
  keysAt(line: number): readonly string[];
}

/** A connection's key (`NOQUEUE@pid/192.0.2.1`) reads `NOQUEUE from 192.0.2.1`; ids read as they are. */
function displayText(id: string): string {
  const at = id.indexOf('@');
  const slash = id.indexOf('/', at);
  return at > 0 && slash > at ? `${id.slice(0, at)} from ${id.slice(slash + 1)}` : id;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    // Path compression keeps later finds short.
    for (let node = key; node !== root;) {
      const up = this.parent.get(node)!;
      this.parent.set(node, root);
      node = up;
    }
    return root;
  }
  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }
  /** Joins two sets; the earlier-seen root stays the root (it is `a`'s when `a` was seen first). */
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const HOPS = new Set<MentionRole>(['queued-as', 'forwarded-as', 'bounce', 'bounce-of', 'message-id']);

/** Groups lines 0..ids.length-1 (undefined for lines that say nothing about a message). */
export function groupLines(ids: readonly LineIds[]): Grouping {
  /** The current instance key of each id text, and whether that instance has left the queue. */
  const current = new Map<string, { key: string; closed: boolean; count: number }>();
  const sets = new UnionFind();
  const order: string[] = [];
  const legInfo = new Map<string, { text: string; role: LegRole; firstLine: number }>();
  const ownerKey = new Int32Array(ids.length).fill(-1);
  const keyIds = new Map<string, number>();
  const keyList: string[] = [];
  const spanKeys = new Map<number, readonly string[]>();

  const instance = (id: string, line: number, role: LegRole, asOwner: boolean): string => {
    let entry = current.get(id);
    if (entry !== undefined && entry.closed && asOwner) {
      entry = { key: `${id}#${entry.count + 1}`, closed: false, count: entry.count + 1 };
      current.set(id, entry);
    }
    if (entry === undefined) {
      entry = { key: id, closed: false, count: 1 };
      current.set(id, entry);
    }
    const info = legInfo.get(entry.key);
    if (info === undefined) {
      legInfo.set(entry.key, { text: displayText(id), role, firstLine: line });
      sets.add(entry.key);
      order.push(entry.key);
    } else if (role !== 'original') {
      // A queue id first seen on its own lines turns out to be a later hop or a bounce.
      info.role = role;
    }
    return entry.key;
  };

  for (let line = 0; line < ids.length; line++) {
    const fact = ids[line];
    if (fact === undefined) continue;
    const mentions = typeof fact === 'string' ? [] : fact.mentions;
    const ownerId = typeof fact === 'string' ? fact : fact.owner;
    const owner = instance(ownerId, line, mentions.some((m) => m.role === 'bounce-of') ? 'bounce' : 'original', true);
    const keys = [owner];
    for (const mention of mentions) {
      const role: LegRole = mention.role === 'bounce' ? 'bounce' : 'hop';
      const key = instance(mention.key, line, role, false);
      keys.push(key);
      if (HOPS.has(mention.role)) sets.union(owner, key);
    }
    if (mentions.length > 0) spanKeys.set(line, keys);
    let id = keyIds.get(owner);
    if (id === undefined) {
      id = keyList.length;
      keyIds.set(owner, id);
      keyList.push(owner);
    }
    ownerKey[line] = id;
    if (typeof fact !== 'string' && fact.closes) current.get(ownerId)!.closed = true;
  }

  // Messages in the order of their first line; each collects the lines of all its keys.
  const messageOfRoot = new Map<string, number>();
  const groups: { legs: Leg[]; lines: number[]; lineCount: number }[] = [];
  const rootOfKey = keyList.map((key) => sets.find(key));
  const messageOfLine = new Int32Array(ids.length).fill(-1);
  for (let line = 0; line < ids.length; line++) {
    const id = ownerKey[line]!;
    if (id < 0) continue;
    const root = rootOfKey[id]!;
    let index = messageOfRoot.get(root);
    if (index === undefined) {
      index = groups.length;
      messageOfRoot.set(root, index);
      groups.push({ legs: [], lines: [], lineCount: 0 });
    }
    const group = groups[index]!;
    messageOfLine[line] = index;
    group.lineCount += 1;
    if (group.lines.length < MAX_LINES_PER_MESSAGE) group.lines.push(line);
  }
  for (const key of order) {
    const index = messageOfRoot.get(sets.find(key));
    if (index === undefined) continue; // a set that owns no line
    const info = legInfo.get(key)!;
    groups[index]!.legs.push({ key, text: info.text, role: info.role, firstLine: info.firstLine });
  }
  const messages = groups.map((group, index) => ({ index, ...group, legs: group.legs.sort((a, b) => Number(a.role !== 'original') - Number(b.role !== 'original') || a.firstLine - b.firstLine) }));
  const NO_KEYS: readonly string[] = [];
  const keysAt = (line: number): readonly string[] => spanKeys.get(line) ?? (ownerKey[line]! >= 0 ? [keyList[ownerKey[line]!]!] : NO_KEYS);
  return { messages, messageOfLine, keysAt };
}

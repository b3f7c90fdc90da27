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

const HOPS = new Set<MentionRole>(['queued-as', 'forwarded-as', 'bounce', 'bounce-of', 'message-id']);

/** One id instance: a queue id until it leaves the queue, a Message-ID, a connection. */
interface Node {
  readonly key: string;
  readonly text: string;
  role: LegRole;
  readonly firstLine: number;
  closed: boolean;
  /** Instances of the same id text so far (a reused queue id gets `#2`, `#3`, ...). */
  readonly count: number;
}

/** Groups lines 0..ids.length-1 (undefined for lines that say nothing about a message). */
export function groupLines(ids: readonly LineIds[]): Grouping {
  const nodes: Node[] = [];
  /** Union-find over node numbers: each node's parent; a root is its own parent. */
  const parent: number[] = [];
  /** The current instance of each id text. */
  const current = new Map<string, number>();
  const ownerNode = new Int32Array(ids.length).fill(-1);
  const spanNodes = new Map<number, readonly number[]>();

  const find = (node: number): number => {
    let root = node;
    while (parent[root] !== root) root = parent[root]!;
    // Path compression keeps later finds short.
    for (let at = node; at !== root;) [at, parent[at]] = [parent[at]!, root];
    return root;
  };
  /** Joins two sets; the root of `a` (seen first) stays the root. */
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };
  const instance = (id: string, line: number, role: LegRole, asOwner: boolean): number => {
    let node = current.get(id);
    const reused = node !== undefined && asOwner && nodes[node]!.closed;
    if (node === undefined || reused) {
      const count = node === undefined ? 1 : nodes[node]!.count + 1;
      node = nodes.length;
      nodes.push({ key: count === 1 ? id : `${id}#${count}`, text: displayText(id), role, firstLine: line, closed: false, count });
      parent.push(node);
      current.set(id, node);
    } else if (role !== 'original') {
      // A queue id first seen on its own lines turns out to be a later hop or a bounce.
      nodes[node]!.role = role;
    }
    return node;
  };

  for (let line = 0; line < ids.length; line++) {
    const fact = ids[line];
    if (fact === undefined) continue;
    if (typeof fact === 'string') {
      ownerNode[line] = instance(fact, line, 'original', true);
      continue;
    }
    const owner = instance(fact.owner, line, fact.mentions.some((m) => m.role === 'bounce-of') ? 'bounce' : 'original', true);
    const spans = [owner];
    for (const mention of fact.mentions) {
      const node = instance(mention.key, line, mention.role === 'bounce' ? 'bounce' : 'hop', false);
      spans.push(node);
      if (HOPS.has(mention.role)) union(owner, node);
    }
    if (fact.mentions.length > 0) spanNodes.set(line, spans);
    ownerNode[line] = owner;
    if (fact.closes) nodes[owner]!.closed = true;
  }

  // Messages in the order of their first line; each collects the lines of all its ids.
  const messageOfRoot = new Int32Array(nodes.length).fill(-1);
  const groups: { legs: Leg[]; lines: number[]; lineCount: number }[] = [];
  const messageOfLine = new Int32Array(ids.length).fill(-1);
  for (let line = 0; line < ids.length; line++) {
    const node = ownerNode[line]!;
    if (node < 0) continue;
    const root = find(node);
    let index = messageOfRoot[root]!;
    if (index < 0) {
      index = messageOfRoot[root] = groups.length;
      groups.push({ legs: [], lines: [], lineCount: 0 });
    }
    const group = groups[index]!;
    messageOfLine[line] = index;
    group.lineCount += 1;
    if (group.lines.length < MAX_LINES_PER_MESSAGE) group.lines.push(line);
  }
  nodes.forEach((node, n) => {
    const index = messageOfRoot[find(n)]!;
    if (index >= 0) groups[index]!.legs.push({ key: node.key, text: node.text, role: node.role, firstLine: node.firstLine });
  });
  const messages = groups.map((group, index) => ({ index, ...group, legs: group.legs.sort((a, b) => Number(a.role !== 'original') - Number(b.role !== 'original') || a.firstLine - b.firstLine) }));
  const NO_KEYS: readonly string[] = [];
  const keysAt = (line: number): readonly string[] => {
    const spans = spanNodes.get(line);
    if (spans !== undefined) return spans.map((node) => nodes[node]!.key);
    const owner = ownerNode[line] ?? -1;
    return owner >= 0 ? [nodes[owner]!.key] : NO_KEYS;
  };
  return { messages, messageOfLine, keysAt };
}

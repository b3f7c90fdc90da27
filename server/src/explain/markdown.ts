// Markdown for hovers: compact, built only from knowledge-base text (escaped,
// since titles such as '<domain> Service ready' contain Markdown/HTML
// characters), with links only to RFC sections and the IANA registry. ASCII only: a hover is
// sent for every mouse rest, and plain one-byte strings travel faster through JSON and the pipe.

import type { Advice, RetryAdvice } from '../kb/types';
import { actorsText, adviceSourceText, answersText, associatedText, citeRfc, RETRY_WORDS } from './shared';
import { sourceStanding } from './source';
import { CHECK_NOTE_KINDS, type Citation, type Explanation } from './types';
import { verdictParts } from './verdict';

/** Escapes text so that Markdown shows it literally: no emphasis, links, HTML or line breaks. */
export function escapeMarkdown(documentText: string): string {
  return documentText
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:"']/g, (char) => `\\${char}`);
}

const link = (c: Citation): string => (c.href === undefined ? escapeMarkdown(c.text) : `[${escapeMarkdown(c.text)}](${c.href})`);

function adviceLines(advice: Advice, retry: RetryAdvice): string[] {
  return [
    escapeMarkdown(advice.meaning),
    '',
    `**Retry:** ${escapeMarkdown(RETRY_WORDS[retry])}`,
    '',
    `**Who acts:** ${escapeMarkdown(actorsText(advice))}`,
    '',
    `**What to do:** ${escapeMarkdown(advice.action)}`,
  ];
}

/** The verdict as one paragraph: '**Permanent failure: 550 5.1.1** Bad destination mailbox address. Do not send it again; the sender acts.' */
export function renderVerdictMarkdown(e: Explanation): string {
  const { what, then } = verdictParts(e.verdict);
  return `${renderVerdictHeading(e)} ${escapeMarkdown(what)}.${then ? ` ${escapeMarkdown(then)}.` : ''}`;
}

/** The verdict line's opening words: `**Permanent failure: 550 5.1.1**`. */
export function renderVerdictHeading(e: Explanation): string {
  return `**${escapeMarkdown(`${verdictParts(e.verdict).outcome}: ${e.code}`)}**`;
}

export interface MarkdownOptions {
  /** Leave out notes that restate a rule's check: where rules run, their problems say it (hovers). */
  readonly checkNotes?: boolean;
}

/** The whole explanation: the verdict, then the details. */
export function renderMarkdown(e: Explanation, options: MarkdownOptions = {}): string {
  return `${renderVerdictMarkdown(e)}\n\n${renderDetailsMarkdown(e, options)}`;
}

/** Everything below the verdict: the digits, notes, advice, provider meanings and references. */
export function renderDetailsMarkdown(e: Explanation, { checkNotes = true }: MarkdownOptions = {}): string {
  const lines: string[] = [];
  const rows: string[] = [];
  const x = e.enhanced;
  if (x) {
    rows.push(`| \`${x.cls}\` class | ${escapeMarkdown(x.classTitle ?? 'not defined')} |`);
    rows.push(`| \`${x.subject}\` subject | ${escapeMarkdown(x.subjectTitle ?? 'not defined')} |`);
    const registered = x.registryKey === undefined
      ? 'not registered'
      : `${escapeMarkdown(x.title || '(no title in the registry)')} ([${escapeMarkdown(x.registryKey)}](${e.registryHref}))`;
    rows.push(`| \`${x.detail}\` detail | ${registered} |`);
  }
  if (e.reply) rows.push(`| \`${e.reply.code}\` reply | ${escapeMarkdown(e.reply.meaning ?? 'not defined by a standard')} |`);
  lines.push('| Code | Meaning |', '|---|---|', ...rows, '');

  for (const n of e.notes.filter((note) => checkNotes || !CHECK_NOTE_KINDS.has(note.kind))) lines.push(`> **Note:** ${escapeMarkdown(n.text)}${n.see.length ? ` (${n.see.map(link).join(', ')})` : ''}`, '');

  const advice = e.advice;
  if (advice) {
    const source = x && advice === x.advice ? adviceSourceText(x) : undefined;
    if (source) lines.push(`*${escapeMarkdown(source)}:*`, '');
    lines.push(...adviceLines(advice, e.retry ?? advice.retry), '');
  }

  // A vendor may give a registered code its own meaning: shown beside the registry's, not instead.
  if (e.vendors.length) lines.push(`**How providers use ${escapeMarkdown(e.code)}**`, '');
  for (const v of e.vendors) {
    const action = v.action ? ` ${escapeMarkdown(v.action)}` : '';
    lines.push(`**${escapeMarkdown(v.vendorName)}** \`${v.written}\`: ${escapeMarkdown(v.meaning)}${action} *([${escapeMarkdown(v.source.title)}](${v.source.url}), ${sourceStanding(v.source)})*`, '');
  }

  const facts: string[] = [];
  if (x) {
    const associated = associatedText(x);
    if (associated) facts.push(`associated basic codes: ${escapeMarkdown(associated)}`);
    if (x.permanence) facts.push(`permanence: ${escapeMarkdown(x.permanence)} (${escapeMarkdown(x.permanenceSource ?? '')})`);
    if (x.references.length) facts.push(`defined in ${x.references.map(link).join(', ')}`);
  }
  if (e.reply) {
    facts.push(`${e.reply.code}: ${escapeMarkdown(answersText(e.reply.answers))}`);
    facts.push(`digits: ${e.reply.digits.map((d) => `${d.digit} ${escapeMarkdown(d.name)}`).join(', ')}`);
  }
  if (facts.length) lines.push(facts.join('; '), '');

  if (advice?.see.length) {
    lines.push(`Read: ${advice.see.map((ref) => link(citeRfc(ref))).join(', ')}`);
  }
  return lines.join('\n').trimEnd();
}

// Wording shared by the Markdown and text renderers, so both say the same thing.

import { rfcHref, rfcLabel } from '../kb/refs';
import type { Actor, Advice, CommandReply, RetryAdvice, RfcRef } from '../kb/types';
import type { Citation, EnhancedExplanation } from './types';

export const citeRfc = (ref: RfcRef): Citation => ({ text: rfcLabel(ref), href: rfcHref(ref) });

export const RETRY_WORDS: Readonly<Record<RetryAdvice, string>> = {
  'not-needed': 'not needed (success)',
  automatic: 'yes: the sending server retries by itself',
  'after-change': 'only after the cause is fixed',
  no: 'no: the same message will fail the same way',
};

export const ACTOR_WORDS: Readonly<Record<Actor, string>> = {
  nobody: 'nobody',
  sender: 'the sender',
  'sending-admin': "the sending server's admin",
  recipient: 'the recipient',
  'recipient-admin': "the recipient's admin",
};

export const actorsText = (advice: Advice): string => advice.actors.map((actor) => ACTOR_WORDS[actor]).join(', ');

const KIND_WORDS: Readonly<Record<CommandReply['kind'], string>> = { S: 'success', I: 'intermediate', E: 'error' };

/** 'error reply to MAIL, RCPT; success reply to ...' grouped by kind. */
export function answersText(answers: readonly CommandReply[]): string {
  if (answers.length === 0) return 'no standard text says which commands it answers';
  const byKind = new Map<CommandReply['kind'], string[]>();
  for (const answer of answers) {
    const name = answer.command === 'ANY'
      ? `any command${answer.except ? ` except ${answer.except.join(', ')}` : ''}`
      : answer.command;
    byKind.set(answer.kind, [...(byKind.get(answer.kind) ?? []), name]);
  }
  return [...byKind].map(([kind, names]) => `${KIND_WORDS[kind]} reply to ${names.join(', ')}`).join('; ');
}

/** What the registry says about the basic codes an enhanced code goes with. */
export function associatedText(e: EnhancedExplanation): string | undefined {
  if (e.registryKey === undefined) return undefined;
  if (e.associatedRaw === undefined || e.associatedRaw === '' || e.associatedRaw === 'Not given' || e.associatedRaw === '.') return 'not given';
  return e.associatedRaw;
}

/** 'detail 1' line label, or why the advice falls back. */
export function adviceSourceText(e: EnhancedExplanation): string | undefined {
  if (e.adviceSource === 'subject') return `Explanation of subject ${e.subject} (${e.subjectTitle}), since ${e.code} is not registered`;
  if (e.adviceSource === 'class') return `Explanation of class ${e.cls} (${e.classTitle}), since subject ${e.subject} is not defined`;
  return undefined;
}

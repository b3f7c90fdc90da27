// Sendmail rewriting rules in sendmail.cf and in the LOCAL_RULESETS of a .mc file:
// `R$*  $#error $@ 5.7.1 $: "550 Relaying denied"`, `$#error $: 553 Header error`. The error
// mailer's host part (`$@`) is the enhanced code and its user part (`$:`) the reply text.
// Rule numbers (`$>98`, `S5`) and macro references never sit in these slots.
import { Ch, skipSpaces } from './lexer';
import type { LineScanner } from './line';
import type { Finding } from './types';

const ERROR_MAILER = '$#error';

/** Reads the codes of an error-mailer rule; false when the line has none. */
export function findSendmailRule(scanner: LineScanner): boolean {
  const text = scanner.text;
  const at = text.indexOf(ERROR_MAILER);
  if (at < 0) return false;
  let enhanced: Finding | undefined;
  let reply: Finding | undefined;
  for (let i = text.indexOf('$', at + ERROR_MAILER.length); i >= 0; i = text.indexOf('$', i + 2)) {
    const part = text.charCodeAt(i + 1);
    if (part === 64 /* @ */) {
      enhanced ??= scanner.slot(skipSpaces(text, i + 2), 'sendmail-rule', 'enhanced', true);
    } else if (part === Ch.Colon) {
      let pos = skipSpaces(text, i + 2);
      if (text.charCodeAt(pos) === Ch.Quote) pos++;
      reply = scanner.slot(pos, 'sendmail-rule', 'reply', true);
      break;
    }
  }
  if (enhanced !== undefined && reply !== undefined && reply.partner === undefined) scanner.link(reply, enhanced);
  return true;
}

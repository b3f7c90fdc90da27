// Plain text for the CLI: the same facts as the hover, one per line.

import { actorsText, adviceSourceText, answersText, associatedText, citeRfc, RETRY_WORDS } from './shared';
import { sourceText } from './source';
import type { Citation, Explanation } from './types';
import { verdictParts } from './verdict';

const cited = (c: Citation): string => (c.href === undefined ? c.text : `${c.text} <${c.href}>`);

export function renderText(e: Explanation): string {
  const verdict = verdictParts(e.verdict);
  const lines: string[] = [`${e.code}  ${e.headline}`, `${verdict.outcome}: ${verdict.what}.${verdict.then ? ` ${verdict.then}.` : ''}`, ''];
  const x = e.enhanced;
  if (x) {
    lines.push(`  class    ${x.cls}  ${x.classTitle ?? 'not defined (must be 2, 4 or 5)'}`);
    lines.push(`  subject  ${x.subject}  ${x.subjectTitle ?? 'not defined (0 to 7 are)'}`);
    const detail = x.registryKey === undefined ? 'not registered' : `${x.title || '(no title in the registry)'} (registry ${x.registryKey})`;
    lines.push(`  detail   ${x.detail}  ${detail}`);
  }
  if (e.reply) lines.push(`  reply    ${e.reply.code}  ${e.reply.meaning ?? 'not defined by a standard'}`);
  lines.push('');

  if (e.notes.length) {
    lines.push('Notes:');
    for (const n of e.notes) lines.push(`  ! ${n.text}${n.see.length ? ` (${n.see.map((c) => c.text).join(', ')})` : ''}`);
    lines.push('');
  }

  const advice = e.advice;
  if (advice) {
    const source = x && advice === x.advice ? adviceSourceText(x) : undefined;
    if (source) lines.push(`${source}:`);
    lines.push(`What happened: ${advice.meaning}`);
    lines.push(`Retry:         ${RETRY_WORDS[e.retry ?? advice.retry]}`);
    lines.push(`Who acts:      ${actorsText(advice)}`);
    lines.push(`What to do:    ${advice.action}`);
    lines.push('');
  }

  if (e.vendors.length) {
    lines.push('Vendor meanings:');
    for (const v of e.vendors) {
      lines.push(`  ${v.vendorName} (${v.written}): ${v.meaning}${v.action ? ` ${v.action}` : ''}`);
      lines.push(`    source: ${sourceText(v.source)}`);
    }
    lines.push('');
  }

  if (x?.registryKey !== undefined) {
    lines.push(`Associated basic codes: ${associatedText(x)}`);
    lines.push(`Permanence:             ${x.permanence} (${x.permanenceSource})`);
    lines.push(`Defined in:             ${x.references.map((c) => c.text).join('; ')}`);
  }
  if (e.reply) {
    lines.push(`Reply ${e.reply.code} answers: ${answersText(e.reply.answers)}`);
    lines.push(`Digits: ${e.reply.digits.map((d) => `${d.digit} = ${d.name} (${d.meaning})`).join('; ')}`);
    if (e.reply.references.length) lines.push(`Reply defined in: ${e.reply.references.map((c) => c.text).join('; ')}`);
  }
  if (advice?.see.length) {
    lines.push('Read:');
    for (const ref of advice.see) lines.push(`  ${cited(citeRfc(ref))}`);
  }
  if (x) lines.push(`Registry: ${e.registryHref}`);
  return lines.join('\n').trimEnd();
}

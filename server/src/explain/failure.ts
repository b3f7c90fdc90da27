// The failure sections of a failing code's hover: the verdict's words (what happened and why, retry
// or not, who acts), and after the explanation the provider that answered, its own meaning of the
// reply with source, date and standing, and where to turn next.
import type { LineVerdict } from '../classify';
import type { ProviderInfo } from '../kb/types';
import { escapeMarkdown } from './markdown';
import { sourceStanding } from './source';

/** `Rejected: the mailbox does not exist (userunknown, hard). Do not retry ...`, after the code's outcome heading. */
export function failureSummaryMarkdown({ verdict }: LineVerdict): string {
  return escapeMarkdown(verdict.summary);
}

/** Who answered, what their own dictionary says of the reply, and their delist or sender-support page. */
export function providerMarkdown({ token }: LineVerdict, provider: ProviderInfo): string {
  const lines = [`**Answered by ${escapeMarkdown(provider.name)}**`, ''];
  if (token !== undefined) {
    const action = token.action === undefined ? '' : ` ${escapeMarkdown(token.action)}`;
    lines.push(`\`${token.token}\`: ${escapeMarkdown(token.meaning)}${action}`
      + ` *([${escapeMarkdown(token.source.title)}](${token.source.url}), ${sourceStanding(token.source)})*`, '');
  }
  if (provider.help !== undefined) lines.push(`**Next step:** [${escapeMarkdown(provider.help.title)}](${provider.help.url})`);
  return lines.join('\n').trimEnd();
}

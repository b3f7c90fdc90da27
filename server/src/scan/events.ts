// Which finding of a line stands for one status event, so that counts are per event rather
// than per code written.
import type { Finding } from './types';

/**
 * The finding that names one event of a line (a delivery attempt, a reply, a DSN recipient), or
 * undefined when the line only continues an event counted before: `said: 550 5.1.1` and
 * `dsn=5.1.1` on one log line are one 5.1.1 event, as are a DSN block's `Status:` and its
 * `Diagnostic-Code:`, and the lines of one multi-line reply. The enhanced code names it when
 * there is one, being the more specific.
 */
export function eventOf(findings: readonly Finding[]): Finding | undefined {
  let reply: Finding | undefined;
  for (const finding of findings) {
    const continues = finding.group !== undefined || (finding.context === 'dsn-diagnostic' && finding.block?.status !== undefined)
      || (finding.partner !== undefined && finding.partner.line < finding.line);
    if (continues) return undefined;
    if (finding.kind === 'enhanced') return finding;
    reply ??= finding;
  }
  return reply;
}

// Which documents the language server reads: the extension's own languages, VS Code's
// built-in `log`, and whatever the user adds in `smtpStatus.extraLanguages`.
import * as vscode from 'vscode';

export const OWN_LANGUAGES = ['smtp-transcript', 'mail-log', 'mail-dsn', 'mail-config', 'log'] as const;

export function configuredLanguages(): string[] {
  const extra = vscode.workspace.getConfiguration('smtpStatus').get<unknown>('extraLanguages');
  const valid = Array.isArray(extra) ? extra.filter((id): id is string => typeof id === 'string' && id.trim() !== '') : [];
  return [...new Set<string>([...OWN_LANGUAGES, ...valid.map((id) => id.trim())])];
}


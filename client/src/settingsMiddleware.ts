// What the server pulls for the `smtpStatus` section: VS Code fills every rule severity with
// its manifest default, but the server lowers its defaults where a finding is less certain
// (e.g. in free-text logs) and applies a severity the user set exactly as set. So only rule
// severities the user (or workspace) really set are passed on.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const SECTION = 'smtpStatus';

function userSetRules(scope: vscode.Uri | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const all = config.get<Record<string, unknown>>('rules') ?? {};
  const chosen: Record<string, unknown> = {};
  for (const id of Object.keys(all)) {
    const seen = config.inspect(`rules.${id}`);
    const explicit = [seen?.globalValue, seen?.workspaceValue, seen?.workspaceFolderValue,
      seen?.globalLanguageValue, seen?.workspaceLanguageValue, seen?.workspaceFolderLanguageValue].some((v) => v !== undefined);
    if (explicit) chosen[id] = all[id];
  }
  return chosen;
}

export const configurationMiddleware: NonNullable<Middleware['workspace']> = {
  configuration: async (params, token, next) => {
    const values = await next(params, token);
    if (!Array.isArray(values)) return values;
    return values.map((value: unknown, i) => {
      const item = params.items[i];
      if (item?.section !== SECTION || typeof value !== 'object' || value === null) return value;
      const scope = item.scopeUri === undefined ? undefined : vscode.Uri.parse(item.scopeUri);
      return { ...value, rules: userSetRules(scope) };
    });
  },
};

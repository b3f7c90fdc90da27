// Loads the project's TextMate grammars into the real engine VS Code uses (vscode-textmate with
// the oniguruma WebAssembly build), for the grammar tests and the grammar benchmark.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/** Repository root: this file runs from out/test/grammar/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Grammar files by scope name, as contributed in package.json. */
export const GRAMMAR_FILES: Readonly<Record<string, string>> = {
  'text.smtp-transcript': 'syntaxes/smtp-transcript.tmLanguage.json',
  'text.mail-log': 'syntaxes/mail-log.tmLanguage.json',
  'text.mail-dsn': 'syntaxes/mail-dsn.tmLanguage.json',
  'source.mail-config': 'syntaxes/mail-config.tmLanguage.json',
  'smtp-status.injection.log': 'syntaxes/log-injection.tmLanguage.json',
};
export const INJECTION_SCOPE = 'smtp-status.injection.log';
export const LOG_SCOPE = 'text.log';
/** Our own minimal stand-in for VS Code's built-in log grammar, for the injection tests. */
export const TEST_LOG_HOST = path.join(REPO_ROOT, 'test', 'grammar', 'fixtures', 'log-host.tmLanguage.json');

/** The scopes of status codes, by class (the contract with themes and users, see grammar-scopes.md). */
export const CODE = {
  success: 'markup.inserted.success.smtp',
  intermediate: 'markup.inserted.intermediate.smtp',
  transient: 'markup.changed.transient.smtp',
  permanent: 'markup.deleted.permanent.smtp',
  malformed: 'invalid.illegal.malformed.smtp',
} as const;
/** Scopes that mark a status code; everything else a test sees is context. */
export const CODE_SCOPES: ReadonlySet<string> = new Set(Object.values(CODE));

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The oniguruma library, loaded once per process. */
export function loadOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

export interface RegistryOptions {
  /** Grammar file to use for `text.log` (the built-in one in the bench, our test host in tests). */
  readonly logGrammarPath?: string;
  /** Whether our injection grammar is injected into `text.log`. */
  readonly inject?: boolean;
}

/** A fresh registry, so that measurements never share compiled rules between configurations. */
export function createRegistry(options: RegistryOptions = {}): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: async (scopeName) => {
      const file = scopeName === LOG_SCOPE ? options.logGrammarPath : GRAMMAR_FILES[scopeName];
      if (file === undefined) return null;
      const absolute = path.resolve(REPO_ROOT, file);
      return vsctm.parseRawGrammar(fs.readFileSync(absolute, 'utf8'), absolute);
    },
    getInjections: (scopeName) => (scopeName === LOG_SCOPE && options.inject === true ? [INJECTION_SCOPE] : undefined),
  });
}

/** Loads one grammar or fails loudly. */
export async function loadGrammar(scopeName: string, options: RegistryOptions = {}): Promise<vsctm.IGrammar> {
  const grammar = await createRegistry(options).loadGrammar(scopeName);
  if (grammar === null) throw new Error(`grammar ${scopeName} not found`);
  return grammar;
}

export interface Token {
  readonly line: number;
  readonly start: number;
  readonly text: string;
  /** Outermost first, as vscode-textmate reports them. */
  readonly scopes: readonly string[];
}

/** Tokenizes lines in order, carrying the rule stack from line to line as an editor does. */
export function tokenize(grammar: vsctm.IGrammar, lines: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  lines.forEach((text, line) => {
    const result = grammar.tokenizeLine(text, state);
    for (const token of result.tokens) {
      tokens.push({ line, start: token.startIndex, text: text.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** `[text, innermost scope]` of every token coloured as a status code, in document order. */
export function codeTokens(grammar: vsctm.IGrammar, lines: readonly string[]): Array<[string, string]> {
  return tokenize(grammar, lines)
    .map((token): [string, string] => [token.text, token.scopes[token.scopes.length - 1] ?? ''])
    .filter(([, scope]) => CODE_SCOPES.has(scope));
}

/** Innermost scope of the first token whose text is exactly `text` (fails when there is none). */
export function scopeOf(grammar: vsctm.IGrammar, lines: readonly string[], text: string): string {
  const token = tokenize(grammar, lines).find((candidate) => candidate.text === text);
  if (token === undefined) throw new Error(`no token ${JSON.stringify(text)} in ${JSON.stringify(lines)}`);
  return token.scopes[token.scopes.length - 1] ?? '';
}

/** Every string in a grammar file stored under one of `keys` (e.g. the regexes, or scope names). */
export function grammarStrings(file: string, keys: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (keys.has(key) && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  walk(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')));
  return found;
}

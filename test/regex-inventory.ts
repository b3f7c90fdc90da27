// Every regular expression the product runs, collected statically so that the
// regex audit (test/unit/regex-audit.test.ts) can check each one for
// catastrophic backtracking. Two sources:
//  - the TypeScript sources: regex literals and `RegExp(...)` calls whose
//    arguments are compile-time strings (literals, templates, `+`, consts,
//    `someRegex.source`), found with the TypeScript compiler API;
//  - the TextMate grammars: every `match`, `begin`, `end` and `while` string,
//    translated from Oniguruma to JavaScript syntax.
// Whatever cannot be checked is returned in `unchecked` with a reason, never dropped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** The repository root (this file compiles to out/test/regex-inventory.js). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface RegexEntry {
  /** Where it was found: `server/src/scan/x.ts:12` or `syntaxes/x.json#/patterns/0/match`. */
  readonly origin: string;
  /** JavaScript source (grammar patterns after translation). */
  readonly source: string;
  readonly flags: string;
  /** What the Oniguruma -> JavaScript translation changed (empty for TypeScript regexes). */
  readonly translations: readonly string[];
}

export interface UncheckedRegex {
  readonly origin: string;
  /** The expression as written. */
  readonly text: string;
  readonly reason: string;
}

export interface Inventory {
  readonly entries: RegexEntry[];
  readonly unchecked: UncheckedRegex[];
}

function filesUnder(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(suffix))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

// ---------------------------------------------------------------- TypeScript

type Constant = { kind: 'string'; value: string } | { kind: 'regex'; source: string; flags: string };

/** Splits the text of a regex literal (`/a+/gi`) into source and flags. */
function splitRegexLiteral(text: string): { source: string; flags: string } {
  const slash = text.lastIndexOf('/');
  return { source: text.slice(1, slash), flags: text.slice(slash + 1) };
}

/**
 * Evaluates an expression that is fixed at compile time (string literals,
 * templates, `+`, `const` names declared in the same file, `re.source`,
 * `[...].join(sep)`); undefined when it depends on run-time values.
 */
function constantOf(node: ts.Expression, consts: ReadonlyMap<string, ts.Expression>, seen: ReadonlySet<string>): Constant | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
  if (ts.isRegularExpressionLiteral(node)) return { kind: 'regex', ...splitRegexLiteral(node.text) };
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return constantOf(node.expression, consts, seen);
  }
  const str = (e: ts.Expression): string | undefined => {
    const c = constantOf(e, consts, seen);
    return c?.kind === 'string' ? c.value : undefined;
  };
  if (ts.isTemplateExpression(node)) {
    let value = node.head.text;
    for (const span of node.templateSpans) {
      const part = str(span.expression);
      if (part === undefined) return undefined;
      value += part + span.literal.text;
    }
    return { kind: 'string', value };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = str(node.left);
    const right = str(node.right);
    return left === undefined || right === undefined ? undefined : { kind: 'string', value: left + right };
  }
  if (ts.isIdentifier(node)) {
    const init = consts.get(node.text);
    if (init === undefined || seen.has(node.text)) return undefined;
    return constantOf(init, consts, new Set([...seen, node.text]));
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
    const target = constantOf(node.expression, consts, seen);
    return target?.kind === 'regex' ? { kind: 'string', value: target.source } : undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join'
    && ts.isArrayLiteralExpression(node.expression.expression) && node.arguments.length <= 1) {
    const parts = node.expression.expression.elements.map((e) => str(e));
    const sep = node.arguments[0] === undefined ? ',' : str(node.arguments[0]);
    if (sep === undefined || parts.some((p) => p === undefined)) return undefined;
    return { kind: 'string', value: parts.join(sep) };
  }
  return undefined;
}

/** `const NAME = <expr>` declarations of a file, by name (any nesting level). */
function constDeclarations(file: ts.SourceFile): Map<string, ts.Expression> {
  const consts = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
      for (const decl of node.declarations) {
        if (ts.isIdentifier(decl.name) && decl.initializer) consts.set(decl.name.text, decl.initializer);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return consts;
}

function isRegExpConstructor(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  return (ts.isNewExpression(node) || ts.isCallExpression(node))
    && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
}

/** Regular expressions written in one TypeScript file. */
export function typescriptRegexes(file: string, root = REPO_ROOT): Inventory {
  const text = fs.readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const consts = constDeclarations(sourceFile);
  const rel = path.relative(root, file);
  const entries: RegexEntry[] = [];
  const unchecked: UncheckedRegex[] = [];
  const visit = (node: ts.Node): void => {
    const origin = (): string => `${rel}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isRegularExpressionLiteral(node)) {
      entries.push({ origin: origin(), ...splitRegexLiteral(node.text), translations: [] });
    } else if (isRegExpConstructor(node)) {
      const [sourceArg, flagsArg] = node.arguments ?? [];
      const source = sourceArg && constantOf(sourceArg, consts, new Set());
      const flags = flagsArg === undefined ? { kind: 'string' as const, value: undefined } : constantOf(flagsArg, consts, new Set());
      if (source === undefined || flags?.kind !== 'string') {
        unchecked.push({ origin: origin(), text: node.getText(), reason: 'pattern or flags are built at run time' });
      } else if (source.kind === 'regex') {
        entries.push({ origin: origin(), source: source.source, flags: flags.value ?? source.flags, translations: [] });
      } else {
        entries.push({ origin: origin(), source: source.value, flags: flags.value ?? '', translations: [] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { entries, unchecked };
}

/** Every regex of the core, the LSP adapter, the CLI and the client. */
export function sourceRegexes(root = REPO_ROOT): Inventory {
  const files = [...filesUnder(path.join(root, 'server', 'src'), '.ts'), ...filesUnder(path.join(root, 'client', 'src'), '.ts')];
  return merge(files.map((f) => typescriptRegexes(f, root)));
}

// ---------------------------------------------------------------- grammars

/** Which grammar key a pattern comes from: `end`/`while` may refer to `begin`'s captures. */
export type GrammarKey = 'match' | 'begin' | 'end' | 'while';
const GRAMMAR_KEYS: readonly string[] = ['match', 'begin', 'end', 'while'] satisfies GrammarKey[];

export type Translation =
  | { readonly ok: true; readonly source: string; readonly flags: string; readonly translations: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s',
  blank: ' \\t', xdigit: '0-9A-Fa-f', word: '\\w', punct: '!-\\/:-@\\[-`{-~', cntrl: '\\x00-\\x1F\\x7F',
  print: '\\x20-\\x7E', graph: '\\x21-\\x7E',
};

/** Escapes that mean the same in JavaScript (without the `u` flag) as in Oniguruma. */
const SHARED_ESCAPES = new Set('dDwWsSbBnrtfv0cu'.split(''));

/**
 * Translates an Oniguruma pattern (TextMate grammar syntax) into a JavaScript
 * pattern with the same backtracking structure. Translations that widen what
 * can match (possessive and atomic groups become ordinary ones, a `(?i)` in the
 * middle applies to the whole pattern) only make the audit stricter.
 */
export function translateOniguruma(pattern: string, key: GrammarKey): Translation {
  const notes = new Set<string>();
  const flags = new Set<string>();
  let out = '';
  let inClass = false;
  let extended = false;
  let i = 0;
  const fail = (reason: string): Translation => ({ ok: false, reason });
  while (i < pattern.length) {
    const c = pattern[i]!;
    const next = pattern[i + 1];
    if (extended && !inClass && /\s/.test(c)) { i += 1; continue; }
    if (extended && !inClass && c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i += 1;
      continue;
    }
    if (c === '\\') {
      if (next === undefined) return fail('trailing backslash');
      if (/[1-9]/.test(next) && !inClass && (key === 'end' || key === 'while')) {
        let j = i + 1;
        while (j < pattern.length && /[0-9]/.test(pattern[j]!)) j += 1;
        out += '\\uE000';
        notes.add(`back-reference to a begin capture (\\${pattern.slice(i + 1, j)}) -> a literal character`);
        i = j;
        continue;
      }
      if (next === 'h' || next === 'H') {
        if (inClass && next === 'H') return fail('\\H inside a character class');
        out += inClass ? '0-9A-Fa-f' : next === 'h' ? '[0-9A-Fa-f]' : '[^0-9A-Fa-f]';
        notes.add(`\\${next} -> hex-digit class`);
        i += 2;
        continue;
      }
      if (!inClass && (next === 'A' || next === 'z' || next === 'Z' || next === 'G')) {
        out += next === 'A' ? '^' : next === 'G' ? '' : '$';
        notes.add(`\\${next} -> ${next === 'A' ? '^' : next === 'G' ? '(dropped anchor)' : '$'}`);
        i += 2;
        continue;
      }
      if (next === 'e' || next === 'a') {
        out += next === 'e' ? '\\x1B' : '\\x07';
        notes.add(`\\${next} -> hex escape`);
        i += 2;
        continue;
      }
      if (next === 'x' && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        const code = close < 0 ? NaN : parseInt(pattern.slice(i + 3, close), 16);
        if (!(code >= 0 && code <= 0xffff)) return fail(`unsupported \\x{...} escape`);
        out += `\\u${code.toString(16).padStart(4, '0')}`;
        notes.add('\\x{...} -> \\uXXXX');
        i = close + 1;
        continue;
      }
      if (next === 'x') { out += '\\x'; i += 2; continue; }
      if (next === 'k' && pattern[i + 2] === '<') { out += '\\k'; i += 2; continue; }
      if (/[a-zA-Z]/.test(next) && !SHARED_ESCAPES.has(next)) return fail(`Oniguruma-only escape \\${next}`);
      out += c + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[' && next === ':') {
        const close = pattern.indexOf(':]', i + 2);
        const name = close < 0 ? undefined : pattern.slice(i + 2, close);
        const set = name === undefined ? undefined : POSIX_CLASSES[name];
        if (set === undefined) return fail(`unsupported POSIX bracket ${pattern.slice(i, close + 2)}`);
        out += set;
        notes.add(`[:${name}:] -> explicit set`);
        i = close + 2;
        continue;
      }
      if (c === '[') return fail('nested character class');
      if (c === '&' && next === '&') return fail('character class intersection &&');
      if (c === ']') inClass = false;
      out += c;
      i += 1;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i += 1;
      if (pattern[i] === '^') { out += '^'; i += 1; }
      // A `]` right after the opening bracket is a literal in Oniguruma, an empty class in JavaScript.
      if (pattern[i] === ']') { out += '\\]'; i += 1; }
      continue;
    }
    if (c === '(' && next === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('#')) {
        const close = pattern.indexOf(')', i);
        if (close < 0) return fail('unterminated comment group');
        i = close + 1;
        continue;
      }
      if (rest.startsWith('>')) {
        out += '(?:';
        notes.add('atomic group (?>...) -> (?:...)');
        i += 3;
        continue;
      }
      if (rest.startsWith('~')) return fail('absent operator (?~...)');
      const options = /^([imx]*)(?:-([imx]*))?([):])/.exec(rest);
      if (options && (options[1] || options[2])) {
        for (const option of options[1] ?? '') {
          if (option === 'i') flags.add('i');
          else if (option === 'm') flags.add('s'); // Oniguruma's `m` is JavaScript's `s` (dot matches newline)
          else extended = true;
        }
        if ((options[2] ?? '').includes('x')) extended = false;
        notes.add(`inline options (?${options[0]} -> whole-pattern flags`);
        out += options[3] === ':' ? '(?:' : '';
        i += 2 + options[0].length;
        continue;
      }
    }
    if ((c === '*' || c === '+' || c === '?') && next === '+') {
      out += c;
      notes.add('possessive quantifier -> greedy');
      i += 2;
      continue;
    }
    if (c === '}' && next === '+' && /\{\d+(,\d*)?$/.test(out)) {
      return fail('quantifier applied to {n,m} (`{n,m}+`)');
    }
    out += c;
    i += 1;
  }
  const flagString = [...flags].sort().join('');
  try {
    new RegExp(out, flagString);
  } catch (error) {
    return fail(`not valid JavaScript after translation: ${(error as Error).message}`);
  }
  return { ok: true, source: out, flags: flagString, translations: [...notes] };
}

/** Every `match`/`begin`/`end`/`while` pattern of one grammar file. */
export function grammarRegexes(file: string, root = REPO_ROOT): Inventory {
  const rel = path.relative(root, file);
  const entries: RegexEntry[] = [];
  const unchecked: UncheckedRegex[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${pointer}/${index}`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      const here = `${pointer}/${key}`;
      if (GRAMMAR_KEYS.includes(key) && typeof child === 'string') {
        const result = translateOniguruma(child, key as GrammarKey);
        const origin = `${rel}#${here}`;
        if (result.ok) entries.push({ origin, source: result.source, flags: result.flags, translations: result.translations });
        else unchecked.push({ origin, text: child, reason: result.reason });
      } else {
        walk(child, here);
      }
    }
  };
  walk(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, '');
  return { entries, unchecked };
}

/** Every pattern of every grammar under syntaxes/. */
export function allGrammarRegexes(root = REPO_ROOT): Inventory {
  return merge(filesUnder(path.join(root, 'syntaxes'), '.json').map((f) => grammarRegexes(f, root)));
}

function merge(parts: readonly Inventory[]): Inventory {
  return { entries: parts.flatMap((p) => p.entries), unchecked: parts.flatMap((p) => p.unchecked) };
}

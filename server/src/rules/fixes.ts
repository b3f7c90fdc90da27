// Building quick fixes: replace one code's text.
import type { CodeRef } from '../scan/types';
import type { Fix } from './types';

export function replaceFix(title: string, target: CodeRef, newText: string, preferred = false): Fix {
  return {
    title,
    edits: [{ line: target.line, start: target.start, end: target.end, newText }],
    ...(preferred ? { preferred } : {}),
  };
}

/** `5.1.1` with its class digit replaced. */
export function withClass(enhanced: string, cls: string): string {
  return cls + enhanced.slice(enhanced.indexOf('.'));
}

export const CLASS_NAMES: Readonly<Record<string, string>> = {
  '2': 'success',
  '3': 'intermediate',
  '4': 'transient failure',
  '5': 'permanent failure',
};

// `smtp-status explain [--format text|json] [--vendors LIST] CODE...`: prints
// the explanation of each code. Malformed codes go to stderr with the rule
// they break, and the exit code is then 2.

import { explain, type Explanation, parseCodeQueryDetailed, renderText, VENDOR_IDS } from '../service';
import type { VendorId } from '../service/types';
import type { CliIo } from './io';

const ALL_VENDORS: readonly VendorId[] = VENDOR_IDS;

interface ExplainOptions {
  readonly format: 'text' | 'json';
  readonly vendors: readonly VendorId[];
  readonly codes: readonly string[];
}

function parseVendors(value: string): VendorId[] | string {
  if (value === 'none') return [];
  if (value === 'all') return [...ALL_VENDORS];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !ALL_VENDORS.includes(name as VendorId));
  return unknown.length ? `unknown vendor '${unknown.join(', ')}' (use ${ALL_VENDORS.join(', ')}, all or none)` : (names as VendorId[]);
}

function parseArgs(args: readonly string[]): ExplainOptions | string {
  let format: ExplainOptions['format'] = 'text';
  let vendors: readonly VendorId[] = ALL_VENDORS;
  const codes: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (flag === '--format' || flag === '--vendors') {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value`;
      if (flag === '--format') {
        if (value !== 'text' && value !== 'json') return `unknown format '${value}' (use text or json)`;
        format = value;
      } else {
        const parsed = parseVendors(value);
        if (typeof parsed === 'string') return parsed;
        vendors = parsed;
      }
    } else if (arg.startsWith('--')) {
      return `unknown option '${arg}'`;
    } else {
      codes.push(arg);
    }
  }
  return codes.length ? { format, vendors, codes } : 'no code given, e.g. smtp-status explain 550 5.1.1';
}

export function runExplain(args: string[], io: CliIo): number {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.err(`smtp-status explain: ${options}`);
    return 2;
  }
  const explanations: Explanation[] = [];
  let failed = false;
  // A pair may be given as two arguments ('550' '5.1.1') or one ('550 5.1.1').
  const codes = joinPairs(options.codes);
  for (const code of codes) {
    const parsed = parseCodeQueryDetailed(code);
    if ('error' in parsed) {
      io.err(`smtp-status explain: ${parsed.error}`);
      failed = true;
    } else {
      explanations.push(explain(parsed.query, options.vendors));
    }
  }
  if (options.format === 'json') {
    if (explanations.length) io.out(JSON.stringify(explanations, null, 2));
  } else if (explanations.length) {
    io.out(explanations.map(renderText).join('\n\n' + '-'.repeat(72) + '\n\n'));
  }
  return failed ? 2 : 0;
}

/** Joins a reply code argument with a following enhanced code argument into one pair. */
function joinPairs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = (args[i] as string).trim();
    const next = args[i + 1]?.trim();
    if (/^\d{3}$/.test(arg) && next !== undefined && /^\d+\.\d+\.\d+$/.test(next)) {
      out.push(`${arg} ${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

// `<area> check FILE [--sheet NAME] [--today YYYY-MM-DD]`: the argument reading the import checks
// share (creditors, firms, adverts). Returns the file's bytes and options, or the exit code after
// saying what was wrong (2: usage, 1: the file could not be read).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface CheckFileArgs {
  readonly file: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly sheet: string | undefined;
  readonly today: string | undefined;
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function checkFileArgs(args: readonly string[], area: string): CheckFileArgs | number {
  const [sub, file] = args;
  if (sub !== 'check' || file === undefined || file.startsWith('--')) {
    process.stderr.write(`用法 usage: npm run cli -- ${area} check FILE [--sheet NAME] [--today YYYY-MM-DD] [--json]\n`);
    return 2;
  }
  try {
    const bytes = new Uint8Array(readFileSync(file));
    return { file, fileName: basename(file), bytes, sheet: option(args, '--sheet'), today: option(args, '--today') };
  } catch (err) {
    process.stderr.write(`无法读取文件 cannot read file: ${file} (${err instanceof Error ? err.message : String(err)})\n`);
    return 1;
  }
}

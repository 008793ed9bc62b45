// Argument reading shared by the CLI commands: `--name value` flags, `--json` as a switch, the rest
// positional; passphrases only from an environment variable (a command line is visible in `ps`).

export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

export function parseArgs(args: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--json') flags.set('json', true);
    else if (a.startsWith('--')) {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`选项 ${a} 缺少取值 / ${a} needs a value`);
      flags.set(a.slice(2), v);
      i++;
    } else positional.push(a);
  }
  return { positional, flags };
}

export function passphraseFrom(flags: ParsedArgs['flags']): string | undefined {
  const name = flags.get('passphrase-env');
  if (name === undefined || name === true) return undefined;
  const value = process.env[name];
  if (value === undefined || value === '') throw new UsageError(`环境变量 ${name} 未设置或为空 / environment variable ${name} is not set`);
  return value;
}

/**
 * `<command> SUB ARGS…` for commands with subcommands: the usage (exit 2) for an unknown one or a
 * malformed flag, otherwise the subcommand's own exit code.
 */
export async function runSubcommand(
  args: readonly string[],
  usage: string,
  handlers: Readonly<Record<string, (parsed: ParsedArgs) => Promise<number>>>,
): Promise<number> {
  const text = usage.endsWith('\n') ? usage : `${usage}\n`;
  try {
    const [sub, ...rest] = args;
    const parsed = parseArgs(rest);
    const handler = sub === undefined ? undefined : handlers[sub];
    if (handler) return await handler(parsed);
    process.stderr.write(text);
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${text}`);
      return 2;
    }
    throw e;
  }
}

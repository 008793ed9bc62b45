// The core without a window: `npm run cli -- <command> [args]`.
// Each command lives in scripts/cli/commands/<command>.ts and exports `run(args): Promise<number>`
// (the exit code), so features add commands without editing a shared list.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface CliCommand {
  readonly summary: string;
  run(args: readonly string[]): Promise<number>;
}

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'cli', 'commands');

function availableCommands(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function loadCommand(name: string): Promise<CliCommand> {
  const mod: unknown = await import(pathToFileURL(join(commandsDir, `${name}.ts`)).href);
  const cmd = mod as Partial<CliCommand>;
  if (typeof cmd.run !== 'function') throw new Error(`command ${name} exports no run()`);
  return { summary: cmd.summary ?? '', run: cmd.run };
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = availableCommands();
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write('usage: npm run cli -- <command> [args]\n\n');
    for (const n of names) process.stdout.write(`  ${n.padEnd(20)} ${(await loadCommand(n)).summary}\n`);
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    process.stderr.write(`unknown command: ${name} (known: ${names.join(', ')})\n`);
    return 2;
  }
  return (await loadCommand(name)).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);

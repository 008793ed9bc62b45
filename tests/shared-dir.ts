import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The team's shared folder (fixtures, tools) lies beside the checkout (`../shared`), on developer
 * machines and in CI alike. SHARED_DIR overrides it.
 */
export function sharedDir(): string {
  if (process.env.SHARED_DIR) return process.env.SHARED_DIR;
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const beside = resolve(repoRoot, '../shared');
  if (!existsSync(beside)) throw new Error(`shared folder not found at ${beside}; set SHARED_DIR`);
  return beside;
}

export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir(), ...parts);
}

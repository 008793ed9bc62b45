// `npm run electron:fetch`: fetches the Electron runtime now, even when a failure is remembered
// (see electron-runtime.mjs); for a PC that has just been given a mirror or a network.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronRuntime } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runtime = await ensureElectronRuntime(root, {
  force: true,
  onDownloadStart: (source) => process.stdout.write(`正在下载 Electron 运行时：${source}\n`),
});
if (runtime.binary) process.stdout.write(`Electron 运行时已就绪：${runtime.binary}\n`);
else {
  process.stderr.write(`${runtime.reason}。\n`);
  process.exitCode = 1;
}

// Room on disk for a creditor import's blocks, checked in the import worker before the first block
// is written (issue 12): the disk figure the page got from the Bridge (Electron: the data folder's
// disk), the browser's quota estimate, and in a plain browser a real trial write (no disk figure
// exists there). Refused with the space needed and what to free.
import type { Creditor } from '../core/creditors';
import { checkSpaceFor, estimateWriteBytes, type SpaceFigure, type SpaceVerdict, spaceRefusal } from '../core/storage';
import { tryDiskRoom } from '../platform/opfs-room-probe';

const SAMPLE = 200;

export function importWriteBytes(creditors: readonly Creditor[]): number {
  const step = Math.max(1, Math.floor(creditors.length / SAMPLE));
  let bytes = 0;
  let sampled = 0;
  for (let i = 0; i < creditors.length && sampled < SAMPLE; i += step, sampled++) bytes += JSON.stringify(creditors[i]).length;
  return estimateWriteBytes(creditors.length, bytes, sampled);
}

async function quotaFigure(): Promise<SpaceFigure | null> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
  if (estimate?.quota === undefined) return null;
  return { freeBytes: estimate.quota - (estimate.usage ?? 0), where: '浏览器存储配额' };
}

/** `disk` is the page's figure for the data folder's disk, null where the platform has none. */
export async function checkImportRoom(creditors: readonly Creditor[], disk: SpaceFigure | null): Promise<SpaceVerdict> {
  const what = `本次导入（${creditors.length.toLocaleString('zh-CN')} 人）`;
  const figures = [disk, await quotaFigure()].filter((f): f is SpaceFigure => f !== null);
  const verdict = checkSpaceFor(what, importWriteBytes(creditors), figures);
  if (!verdict.ok || disk !== null) return verdict;
  const fits = await tryDiskRoom(verdict.neededBytes);
  if (fits !== false) return verdict;
  // The disk ran out during the trial: less than needed is free; how much less is unknown.
  const where = '浏览器数据所在的磁盘';
  return { ok: false, neededBytes: verdict.neededBytes, where, message: spaceRefusal(what, verdict.neededBytes, where, null) };
}

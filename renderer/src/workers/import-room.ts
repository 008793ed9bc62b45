// Room on disk for a creditor import's blocks, checked in the import worker before the first block
// is written (issue 12): the disk figure the page got from the Bridge (Electron: the data folder's
// disk) and the browser's quota estimate. Refused with the space needed and what to free.
//
// A plain browser shows a page no disk figure: its estimate is a fixed quota (1 GB reported on a
// 400 MB disk with 8 MB free). A trial write to the origin-private file system was tried and
// dropped: when the disk ran out during it, Chromium's usage count for the origin wrapped to 4 GB
// and every later write of the origin, IndexedDB included, was refused as over quota.
import type { Creditor } from '../core/creditors';
import { checkSpaceFor, estimateWriteBytes, type SpaceFigure, type SpaceVerdict } from '../core/storage';

const SAMPLE = 200;

/** Creditors as an array or a plan's register (read a few at a time: a plan builds them on demand). */
export interface CreditorList {
  readonly length: number;
  slice(start: number, end: number): readonly Creditor[];
}

export function importWriteBytes(creditors: CreditorList): number {
  const step = Math.max(1, Math.floor(creditors.length / SAMPLE));
  let bytes = 0;
  let sampled = 0;
  for (let i = 0; i < creditors.length && sampled < SAMPLE; i += step, sampled++) bytes += JSON.stringify(creditors.slice(i, i + 1)[0]).length;
  return estimateWriteBytes(creditors.length, bytes, sampled);
}

async function quotaFigure(): Promise<SpaceFigure | null> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
  if (estimate?.quota === undefined) return null;
  return { freeBytes: estimate.quota - (estimate.usage ?? 0), where: '浏览器存储配额' };
}

/** `disk` is the page's figure for the data folder's disk, null where the platform has none. */
export async function checkImportRoom(creditors: CreditorList, disk: SpaceFigure | null): Promise<SpaceVerdict> {
  const figures = [disk, await quotaFigure()].filter((f): f is SpaceFigure => f !== null);
  return checkSpaceFor(`本次导入（${creditors.length.toLocaleString('zh-CN')} 人）`, importWriteBytes(creditors), figures);
}

import type { SpaceFigure } from '../../../core/storage';
import type { Bridge } from '../../../platform/bridge';

/**
 * Free space of the disk that holds the database, for the import worker's room check: Electron
 * measures the data folder through the Bridge; a browser has no such figure (null: the worker
 * tries the room itself).
 */
export async function dataDiskFigure(bridge: Bridge): Promise<SpaceFigure | null> {
  if (bridge.kind !== 'electron') return null;
  const space = await bridge.backups.diskSpace().catch(() => null);
  return space ? { freeBytes: space.freeBytes, where: `数据所在磁盘（${space.where}）` } : null;
}

import { describe, expect, it } from 'vitest';
import { checkSpaceFor, estimateWriteBytes, formatBytes, SPACE_RESERVE_BYTES } from '../../../../renderer/src/core/storage';

const MB = 1024 * 1024;

describe('room for a large write', () => {
  it('refuses with the space needed, what is free where, how much to free and what to free', () => {
    const verdict = checkSpaceFor('本次导入（300,000 人）', 90 * MB, [{ freeBytes: 8 * MB, where: '数据所在磁盘（C:\\Users\\lin\\AppData）' }]);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.neededBytes).toBe(90 * MB + SPACE_RESERVE_BYTES);
    expect(verdict.message).toBe(
      '磁盘空间不足：本次导入（300,000 人）约需 154 MB（含 64 MB 余量），数据所在磁盘（C:\\Users\\lin\\AppData）仅剩 8 MB。请腾出 至少 146 MB 空间：清空回收站，删除或移走不需要的大文件（下载的安装包、视频等），或把旧备份移到其他磁盘，然后再试。',
    );
  });

  it('judges by the smallest figure and keeps the reserve free', () => {
    const figures = [
      { freeBytes: 10_000 * MB, where: '浏览器存储配额' },
      { freeBytes: 150 * MB, where: '数据所在磁盘（/home/lin）' },
    ];
    expect(checkSpaceFor('导入', 80 * MB, figures).ok).toBe(true);
    const short = checkSpaceFor('导入', 90 * MB, figures);
    expect(short.ok ? '' : short.where).toBe('数据所在磁盘（/home/lin）');
  });

  it('lets the write go where no figure is known (it then fails cleanly if the disk is full)', () => {
    expect(checkSpaceFor('导入', 10_000 * MB, []).ok).toBe(true);
    expect(checkSpaceFor('导入', 10_000 * MB, [{ freeBytes: Number.NaN, where: 'x' }]).ok).toBe(true);
  });

  it('estimates from a sample of the records', () => {
    expect(estimateWriteBytes(300_000, 60_000, 200)).toBe(90_000_000);
    expect(estimateWriteBytes(0, 60_000, 200)).toBe(0);
    expect(estimateWriteBytes(10, 0, 0)).toBe(0);
  });

  it('formats sizes as staff read them', () => {
    expect(formatBytes(512)).toBe('1 KB');
    expect(formatBytes(8 * MB)).toBe('8 MB');
    expect(formatBytes(2.5 * 1024 * MB)).toBe('2.5 GB');
  });
});

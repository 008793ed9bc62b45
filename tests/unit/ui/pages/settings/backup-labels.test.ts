import { describe, expect, it } from 'vitest';
import { WorkstationDb } from '../../../../../renderer/src/db/database';
import { TABLE_LABELS } from '../../../../../renderer/src/ui/pages/settings/backup-labels';

// The backup and restore screens list a backup's tables by these names: every table has one.
describe('backup table labels', () => {
  it('name every table of the database in Chinese, the 报送 tables included', () => {
    const db = new WorkstationDb(`labels-${Math.random().toString(36).slice(2)}`);
    const unnamed = db.tables.map((t) => t.name).filter((name) => !TABLE_LABELS[name]);
    expect(db.tables.length).toBeGreaterThanOrEqual(40);
    expect(unnamed).toEqual([]);
    expect(TABLE_LABELS.exchangeRecordBlocks).toBe('已收报送数据（含参与人名单，分块）');
    for (const label of Object.values(TABLE_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});

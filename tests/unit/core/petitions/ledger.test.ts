import { describe, expect, it } from 'vitest';
import { buildPetitionLedger, PETITION_LEDGER_HEADERS } from '../../../../renderer/src/core/petitions/ledger';
import { accept, calendar, close, extend, followUp, make, mediate, outcome, run, settings, transfer } from './fixtures';

const period = { from: '2026-01-01', to: '2026-06-30' };

const petitions = [
  // Registered later but received earlier: the ledger sorts by received date.
  run(make('B', '2026-03-02', { persons: 12, level: '到省', caseId: 'C1' }), [
    accept('2026-03-20'),
    mediate('2026-03-21'),
    extend('2026-05-10', 10),
    outcome('2026-06-01', '部分化解'),
    close('2026-06-10'),
    followUp('2026-06-20', '不满意'),
  ]),
  run(make('G', '2026-01-20', { caseId: 'C2' }), [transfer('2026-01-25', '环翠区信访局')]),
  make('D', '2026-05-06', { persons: 5, level: '进京', caseId: 'C9' }),
  make('E', '2026-06-30'),
  make('out', '2026-07-01'),
];

describe('buildPetitionLedger (信访台账)', () => {
  const ledger = buildPetitionLedger(petitions, period, settings, calendar, '2026-07-15', new Map([['C1', '某某养老案']]));

  it('has Chinese headers and one row per petition received in the period, oldest first', () => {
    expect(ledger.headers).toEqual([...PETITION_LEDGER_HEADERS]);
    expect(ledger.headers[0]).toBe('序号');
    expect(ledger.rows.map((r) => r[2])).toEqual(['2026-01-20', '2026-03-02', '2026-05-06', '2026-06-30']);
    for (const row of ledger.rows) expect(row).toHaveLength(ledger.headers.length);
  });

  it('writes the deadlines and whether each was met', () => {
    const col = (name: string) => ledger.headers.indexOf(name);
    const b = ledger.rows[1] ?? [];
    expect(b[col('序号')]).toBe(2);
    expect(b[col('信访形式')]).toBe('集体');
    expect(b[col('人数')]).toBe(12);
    expect(b[col('关联案件')]).toBe('某某养老案');
    // acceptBy 03-17, accepted 03-20; resolveBy 03-20 + 60 = 05-19, extended 10 → 05-29; closed 06-10.
    expect(b[col('受理期限')]).toBe('2026-03-17');
    expect(b[col('受理/不予受理日期')]).toBe('2026-03-20');
    expect(b[col('是否按期受理')]).toBe('否（超期）');
    expect(b[col('办理期限')]).toBe('2026-05-19');
    expect(b[col('延期至')]).toBe('2026-05-29');
    expect(b[col('是否按期办结')]).toBe('否（超期）');
    expect(b[col('化解情况')]).toBe('部分化解');
    expect(b[col('回访满意度')]).toBe('不满意');

    const g = ledger.rows[0] ?? [];
    expect(g[col('当前状态')]).toBe('已转办');
    expect(g[col('是否按期受理')]).toBe('已转办');
    expect(g[col('转办单位')]).toBe('环翠区信访局');
    // A case without a known title prints its id rather than a blank.
    expect(ledger.rows[2]?.[col('关联案件')]).toBe('C9');
    expect(ledger.rows[2]?.[col('是否按期受理')]).toBe('否（已超期未办）');
    expect(ledger.rows[3]?.[col('是否按期受理')]).toBe('办理中');
    expect(ledger.rows[3]?.[col('办理期限')]).toBe('');
  });
});

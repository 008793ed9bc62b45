import { describe, expect, it } from 'vitest';
import { assessStore, describeContents, EMPTY_CONTENTS, parseStoreRecord, type StoreRecord, withBackup, withContents } from '../../../../renderer/src/core/storage';

const held = { cases: 3, creditors: 300_000, petitions: 2, documents: 5, auditEntries: 120 };
const record: StoreRecord = withContents(null, held, new Date('2026-12-01T10:00:00Z'));
const none = { dataLoss: null, dataLossMessage: null };

describe('the store record', () => {
  it('round-trips and refuses what is not one', () => {
    const withNote = withBackup({ at: '2026-12-01T11:00:00Z', fileName: 'chufei-x.cfbak', automatic: true, contents: held }, new Date('2026-12-01T11:00:00Z'));
    expect(parseStoreRecord(JSON.stringify(withNote))).toEqual(withNote);
    for (const bad of [null, '', 'not json', '[]', '{"version":2}', JSON.stringify({ ...record, contents: { ...held, cases: -1 } })]) {
      expect(parseStoreRecord(bad)).toBeNull();
    }
  });

  it('keeps the last backup when the contents are refreshed', () => {
    const backedUp = withBackup({ at: 'a', fileName: 'f.cfbak', automatic: false, contents: held }, new Date('2026-12-01T11:00:00Z'));
    expect(withContents(backedUp, EMPTY_CONTENTS, new Date('2026-12-01T12:00:00Z')).lastBackup?.fileName).toBe('f.cfbak');
  });

  it('describes what the store held in Chinese, leaving out what it had none of', () => {
    expect(describeContents(held)).toBe('案件 3 件、集资参与人 300,000 人、信访 2 件、文书 5 份、审计记录 120 条');
    expect(describeContents({ ...EMPTY_CONTENTS, cases: 1 })).toBe('案件 1 件');
    expect(describeContents(EMPTY_CONTENTS)).toBe('无数据');
  });
});

describe('judging the store at start', () => {
  it('calls a store that held data and is now missing or empty lost', () => {
    expect(assessStore({ contents: null, ...none }, record, null)).toMatchObject({ status: 'lost', cause: 'emptied', record });
    expect(assessStore({ contents: EMPTY_CONTENTS, ...none }, record, null)).toMatchObject({ status: 'lost', cause: 'emptied' });
  });

  it("believes the browser when it reports dropping the store, with or without a record", () => {
    const dropped = { contents: null, dataLoss: 'total', dataLossMessage: 'Corruption: block checksum mismatch' };
    expect(assessStore(dropped, null, null)).toEqual({ status: 'lost', cause: 'browser-dropped', record: null, browserMessage: 'Corruption: block checksum mismatch' });
  });

  it('is quiet for a new installation, a store with data, and after a deliberate restore', () => {
    expect(assessStore({ contents: null, ...none }, null, null)).toEqual({ status: 'ok' });
    expect(assessStore({ contents: EMPTY_CONTENTS, ...none }, withContents(null, EMPTY_CONTENTS, new Date()), null)).toEqual({ status: 'ok' });
    expect(assessStore({ contents: { ...EMPTY_CONTENTS, cases: 1 }, ...none }, record, null)).toEqual({ status: 'ok' });
    expect(assessStore({ contents: EMPTY_CONTENTS, ...none }, record, '2026-12-01T10:30:00Z')).toEqual({ status: 'ok' });
    expect(assessStore({ contents: EMPTY_CONTENTS, ...none }, record, '2026-12-01T09:00:00Z').status).toBe('lost');
    expect(assessStore({ contents: { ...EMPTY_CONTENTS, cases: 1 }, dataLoss: 'none', dataLossMessage: '' }, record, null)).toEqual({ status: 'ok' });
  });
});

import { describe, expect, it } from 'vitest';
import { findBuiltinTemplate, findUnprintableCharacters, openFaceSet, sampleDataFor } from '../../../../renderer/src/core/documents';
import { faceSources } from './helpers';

const coverage = openFaceSet(await faceSources());

function refund() {
  const t = findBuiltinTemplate('refund-notice');
  if (!t) throw new Error('refund-notice');
  return t;
}

describe('findUnprintableCharacters', () => {
  it('finds nothing in names with rare characters the bundled font has', () => {
    for (const name of ['王喆', '李堃', '于赟', '董昇', '萧珺', '林淼', '王玥', '张犇', '刘焱', '陈垚', '赵頔', '孙镕']) {
      const data = { ...(sampleDataFor('refund-notice') ?? {}), creditor: { name, idMasked: '3710**********1234' } };
      expect(findUnprintableCharacters(refund(), data, coverage), name).toEqual([]);
    }
  });

  it('reports the field and the character the font cannot print, in Chinese', () => {
    const data = { ...(sampleDataFor('refund-notice') ?? {}), creditor: { name: '王\uE000明', idMasked: '' } };
    const found = findUnprintableCharacters(refund(), data, coverage);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'creditor', label: '集资参与人', char: '\uE000', codePoint: 'U+E000' });
    expect(found[0]?.message).toContain('「集资参与人」中的字符');
    expect(found[0]?.message).toContain('空框');
  });

  it('checks list entries and table cells, once per field and character', () => {
    const t = findBuiltinTemplate('inspection-record');
    if (!t) throw new Error('inspection-record');
    const data = {
      ...(sampleDataFor('inspection-record') ?? {}),
      inspectors: [
        { name: '李\u{10FFFD}', unit: '某局', certificateNo: '1' },
        { name: '萧\u{10FFFD}', unit: '某局', certificateNo: '2' },
      ],
    };
    const found = findUnprintableCharacters(t, data, coverage);
    expect(found.map((f) => [f.field, f.codePoint])).toEqual([['inspectors', 'U+10FFFD']]);
  });

  it('checks against any coverage, e.g. a font without 堃', () => {
    const noKun = { has: (cp: number) => cp !== '堃'.codePointAt(0) };
    const data = { ...(sampleDataFor('refund-notice') ?? {}), creditor: { name: '李堃', idMasked: '' } };
    expect(findUnprintableCharacters(refund(), data, noKun).map((f) => f.char)).toEqual(['堃']);
  });
});

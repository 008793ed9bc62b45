import { describe, expect, it } from 'vitest';
import {
  checkResidentId,
  convertLegacyResidentId,
  normalizeIdText,
  residentIdCheckChar,
} from '../../../../renderer/src/core/identity';

const today = '2026-11-26';
const check = (raw: string | number) => checkResidentId(raw, { today });
const codeOf = (raw: string | number) => {
  const r = check(raw);
  return r.ok ? 'OK' : r.code;
};

describe('normalizeIdText', () => {
  it('folds full-width digits, spaces, apostrophe prefix and lowercase x', () => {
    expect(normalizeIdText('３７１０８２１９９００５０５００３２')).toBe('371082199005050032');
    expect(normalizeIdText(" '37100319751212007x ")).toBe('37100319751212007X');
    expect(normalizeIdText('371002 1980 0101 0010')).toBe('371002198001010010');
    expect(normalizeIdText('371002\u30001980\u00a001010010')).toBe('371002198001010010');
  });
});

describe('checkResidentId', () => {
  it('accepts valid 18-digit numbers and reports birth date and sex', () => {
    const r = check('371002198001010010');
    expect(r).toEqual({ ok: true, idNumber: '371002198001010010', birthDate: '1980-01-01', sex: 'male' });
    const x = check('37100319751212007x');
    expect(x.ok && x.idNumber).toBe('37100319751212007X');
    expect(x.ok && x.sex).toBe('male');
    expect(codeOf('３７１０８２１９９００５０５００３２')).toBe('OK');
  });

  it('rejects a wrong check digit, naming the expected one', () => {
    const r = check('371002198503150049');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('ID_CHECK_DIGIT');
      expect(r.message).toMatch(/校验位应为 \w/);
    }
  });

  it('rejects impossible and future birth dates (before the check digit)', () => {
    expect(codeOf('371002198013320059')).toBe('ID_BIRTH_DATE');
    const feb29 = (y: string) => `371002${y}0229001`;
    expect(codeOf(feb29('2001') + residentIdCheckChar(feb29('2001')))).toBe('ID_BIRTH_DATE');
    expect(codeOf(feb29('2000') + residentIdCheckChar(feb29('2000')))).toBe('OK');
    expect(codeOf(feb29('1900') + residentIdCheckChar(feb29('1900')))).toBe('ID_BIRTH_DATE');
    const future = '37100220261127001';
    expect(codeOf(future + residentIdCheckChar(future))).toBe('ID_BIRTH_DATE');
    const born = '37100220261126001';
    expect(codeOf(born + residentIdCheckChar(born))).toBe('OK');
    const r = check(future + residentIdCheckChar(future));
    expect(!r.ok && r.message).toContain('晚于今天');
  });

  it('uses today as given, so the result does not depend on the clock', () => {
    const born = '37100220261126001';
    const id = born + residentIdCheckChar(born);
    expect(checkResidentId(id, { today: '2026-11-25' }).ok).toBe(false);
    expect(checkResidentId(id, { today: '2026-11-26' }).ok).toBe(true);
  });

  it('rejects malformed numbers as ID_INVALID', () => {
    for (const bad of ['5万', '12345', '3710021980010100100', '37100219800101001A', '991002198001010010', 'abc']) {
      expect(codeOf(bad)).toBe('ID_INVALID');
    }
    expect(codeOf('')).toBe('ID_MISSING');
    expect(codeOf('   ')).toBe('ID_MISSING');
  });

  it('converts 15-digit legacy numbers with a warning', () => {
    const r = check('371002800101018');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.idNumber).toBe(convertLegacyResidentId('371002800101018'));
      expect(r.idNumber).toMatch(/^37100219800101018[\dX]$/);
      expect(r.birthDate).toBe('1980-01-01');
      expect(r.sex).toBe('female');
      expect(r.legacyId).toBe('371002800101018');
      expect(r.warning?.code).toBe('ID_15_DIGIT');
      expect(r.warning?.message).toContain(r.idNumber);
    }
    expect(codeOf('371002801301018')).toBe('ID_BIRTH_DATE');
  });

  it('the converted 18-digit number passes its own check', () => {
    expect(codeOf(convertLegacyResidentId('110105491231002'))).toBe('OK');
  });

  it('rejects what Excel turned into numbers, with instructions, never repairing', () => {
    const sci = check('3.71002E+17');
    expect(sci.ok).toBe(false);
    if (!sci.ok) {
      expect(sci.code).toBe('ID_NUMBER_MANGLED_BY_EXCEL');
      expect(sci.message).toBe(
        '证件号码被 Excel 存成了数字（3.71002E+17），末几位已丢失。请在原表中把该列设置为“文本”格式后重新导出，不要手工补位。',
      );
    }
    const numeric = check(371002198001011000);
    expect(!numeric.ok && numeric.code).toBe('ID_NUMBER_MANGLED_BY_EXCEL');
    expect(!numeric.ok && numeric.message).toContain('3.71002E+17');
    expect(codeOf('3.71002e17')).toBe('ID_NUMBER_MANGLED_BY_EXCEL');
    expect(codeOf(3.71002e17)).toBe('ID_NUMBER_MANGLED_BY_EXCEL');
  });

  it('checks a 15-digit legacy number held exactly in a numeric cell like text', () => {
    expect(codeOf(371002800101018)).toBe('OK');
  });
});

// A canonical number (the usual cell) takes a short route; it must answer exactly as the general one.
describe('checkResidentId: the same answer however the number is written', () => {
  const variants = (id: string) => [` ${id.toLowerCase()} `, `'${id}`, id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))];

  it('for valid, wrong-check-digit, impossible-date and future-date numbers alike', () => {
    const bodies = ['37100219800101001', '11010520000229123', '11010519000229123', '37100219801301001', '37100220261127001', '99100219800101001'];
    for (const body of bodies) {
      for (const last of [residentIdCheckChar(body), '0', 'X']) {
        const id = body + last;
        // The verdict and the stored number; an invalid number's message quotes the input as typed.
        const verdict = (raw: string) => {
          const r = check(raw);
          return r.ok ? { ok: true, idNumber: r.idNumber, birthDate: r.birthDate } : { ok: false, code: r.code };
        };
        for (const v of variants(id)) expect({ v, r: verdict(v) }).toEqual({ v, r: verdict(id) });
      }
    }
    expect(codeOf('11010519000229123X')).toBe('ID_BIRTH_DATE');
    expect(codeOf('371002198013010010')).toBe('ID_BIRTH_DATE');
  });

  it('compares the birth date with today as the ISO texts compare, whatever form today takes', () => {
    const born = '37100220261126001';
    const id = born + residentIdCheckChar(born);
    expect(checkResidentId(id, { today: '2026-11-26' }).ok).toBe(true);
    // Not an ISO date: compared as text, exactly as before ("2026-11-26" > "2026-1-5").
    expect(checkResidentId(id, { today: '2026-1-5' }).ok).toBe(false);
    expect(checkResidentId(id, { today: '2027' }).ok).toBe(true);
  });
});

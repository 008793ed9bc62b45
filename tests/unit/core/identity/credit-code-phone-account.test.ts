import { describe, expect, it } from 'vitest';
import {
  checkBankAccount,
  checkCreditCode,
  checkPhone,
  creditCodeCheckChar,
} from '../../../../renderer/src/core/identity';

describe('checkCreditCode (统一社会信用代码, GB 32100)', () => {
  it('accepts valid codes, lowercase and spaced input normalized', () => {
    expect(checkCreditCode('91371000MA3C0000AL')).toEqual({ ok: true, creditCode: '91371000MA3C0000AL' });
    expect(checkCreditCode(' 91371000ma3c0000al ')).toEqual({ ok: true, creditCode: '91371000MA3C0000AL' });
    // A published example code: 91350100M000100Y43.
    expect(checkCreditCode('91350100M000100Y43').ok).toBe(true);
  });

  it('rejects a wrong check character, naming the right one', () => {
    const r = checkCreditCode('91371000MA3C0000AZ');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('ORG_CODE_CHECK_DIGIT');
      expect(r.message).toContain('校验位应为 L');
    }
  });

  it('rejects codes of the wrong length or with letters GB 32100 does not use', () => {
    for (const bad of ['', '91371000MA3C0000A', '91371000MA3C0000AL1', '91371000MI3C0000AL', '9137100OMA3C0000AL']) {
      const r = checkCreditCode(bad);
      expect(!r.ok && r.code).toBe('ORG_CODE_INVALID');
    }
  });

  it('the check character makes every 17-character body valid', () => {
    const body = '91110108MA01ABCDE';
    expect(checkCreditCode(body + creditCodeCheckChar(body)).ok).toBe(true);
  });
});

describe('checkPhone', () => {
  it.each([
    ['13800001111', '13800001111', 'mobile'],
    ['138 0000-7777', '13800007777', 'mobile'],
    ['+86 138 0000 1111', '13800001111', 'mobile'],
    ['008613800001111', '13800001111', 'mobile'],
    ['１３８００００１１１１', '13800001111', 'mobile'],
    ['0631-5200000', '0631-5200000', 'landline'],
    ['(0631)5200000', '0631-5200000', 'landline'],
    ['010-62345678', '010-62345678', 'landline'],
    ['0631-5200000-801', '0631-5200000-801', 'landline'],
    ['0631-5200000转801', '0631-5200000-801', 'landline'],
    ['4008001234', '4008001234', 'service'],
  ])('%s → %s (%s)', (raw, phone, kind) => {
    expect(checkPhone(raw)).toEqual({ ok: true, phone, kind });
  });

  it('accepts a mobile number read from a numeric cell', () => {
    expect(checkPhone(13800001111)).toEqual({ ok: true, phone: '13800001111', kind: 'mobile' });
  });

  it.each(['12345', '12800001111', '1380000111', '5200000', '0631-0200000', 'abc', ''])('%s → PHONE_INVALID', (raw) => {
    const r = checkPhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('PHONE_INVALID');
      expect(r.message).toContain('联系电话');
    }
  });
});

describe('checkBankAccount', () => {
  it('normalizes spaces, dashes, full-width digits and the apostrophe prefix', () => {
    expect(checkBankAccount('6222 0202 0011 2233 778')).toEqual({ ok: true, account: '6222020200112233778' });
    expect(checkBankAccount("'6222-0202-0011-2233")).toEqual({ ok: true, account: '6222020200112233' });
    expect(checkBankAccount('８１０１００００')).toEqual({ ok: true, account: '81010000' });
  });

  it('rejects accounts Excel turned into numbers', () => {
    const sci = checkBankAccount('6.22202E+18');
    expect(!sci.ok && sci.code).toBe('ACCOUNT_MANGLED_BY_EXCEL');
    const numeric = checkBankAccount(6222020200112233000);
    expect(!numeric.ok && numeric.code).toBe('ACCOUNT_MANGLED_BY_EXCEL');
    expect(!numeric.ok && numeric.message).toContain('6.22202E+18');
    expect(!numeric.ok && numeric.message).toContain('文本');
  });

  it('accepts a short account held exactly in a numeric cell', () => {
    expect(checkBankAccount(81010000000001)).toEqual({ ok: true, account: '81010000000001' });
  });

  it('rejects too short, too long or non-digit accounts', () => {
    for (const bad of ['1234567', '1'.repeat(31), '6222abc0202']) {
      const r = checkBankAccount(bad);
      expect(!r.ok && r.code).toBe('ACCOUNT_INVALID');
    }
  });
});

// Bare digits (the usual cell) take a short route; it must answer exactly as the general one.
describe('phones and accounts: the same answer however the digits arrive', () => {
  it('a mobile as bare text, as a number cell, with +86 and spaces', () => {
    for (const m of ['13800001111', '19912345678', '15000000000']) {
      const bare = checkPhone(m);
      expect(bare).toEqual({ ok: true, phone: m, kind: 'mobile' });
      expect(checkPhone(Number(m))).toEqual(bare);
      expect(checkPhone(`+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`)).toEqual(bare);
    }
    expect(checkPhone('12800001111').ok).toBe(false);
  });

  it('an account as bare digits, grouped with spaces or dashes, or after an apostrophe', () => {
    for (const a of ['62220212345678', '6222021234567890123', '12345678']) {
      const bare = checkBankAccount(a);
      expect(bare).toEqual({ ok: true, account: a });
      expect(checkBankAccount(`'${a.slice(0, 4)} ${a.slice(4)}`)).toEqual(bare);
      expect(checkBankAccount(`${a.slice(0, 4)}-${a.slice(4)}`)).toEqual(bare);
    }
    expect(checkBankAccount('1234567').ok).toBe(false);
    expect(checkBankAccount('6.22202E+18')).toMatchObject({ ok: false, code: 'ACCOUNT_MANGLED_BY_EXCEL' });
  });
});

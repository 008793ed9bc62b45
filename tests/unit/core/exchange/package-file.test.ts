import { beforeAll, describe, expect, it } from 'vitest';
import {
  keyFingerprint,
  openPackage,
  readKeyFile,
  splitPackage,
  type TrustedOffice,
  writeKeyFile,
} from '../../../../renderer/src/core/exchange';
import { CITY, HUANCUI, makeOffices, type Offices, refusal, samplePackage, trustedOf, WENDENG } from './exchange-fixture';

let offices: Offices;
beforeAll(async () => {
  offices = await makeOffices();
});

describe('a package signed by a known office', () => {
  it('opens with its header, records and a trusted verdict', async () => {
    const pkg = await samplePackage(offices.huancui);
    const opened = await openPackage(pkg.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 });
    expect(opened.verdict).toBe('trusted');
    expect(opened.header.sender.name).toBe('环翠区处非办');
    expect(opened.header.period.label).toBe('2026年第一季度');
    expect(opened.header.counts).toEqual({ case: 2, petition: 1 });
    expect(opened.records.map((r) => r.sourceId)).toEqual(['case-1', 'case-2', 'pet-1']);
    expect(opened.fileSha256).toBe(pkg.fileSha256);
  });

  it('is accepted from an office registered only by the fingerprint read over the phone', async () => {
    const pkg = await samplePackage(offices.huancui);
    const byPhone: TrustedOffice[] = [{ officeId: null, name: '环翠区处非办', publicKey: null, fingerprint: keyFingerprint(offices.huancui.publicKey) }];
    const opened = await openPackage(pkg.bytes, { trusted: byPhone, maxSchemaVersion: 8 });
    expect(opened.office?.fingerprint).toBe(keyFingerprint(offices.huancui.publicKey));
  });

  it('without a trust list reports a valid signature it cannot attribute', async () => {
    const pkg = await samplePackage(offices.huancui);
    expect((await openPackage(pkg.bytes, { maxSchemaVersion: 8 })).verdict).toBe('untrusted-valid');
  });

  it('encrypted to a passphrase opens with it and is refused without or with another', async () => {
    const pkg = await samplePackage(offices.huancui, { passphrase: '环翠报送口令2026', pbkdf2Iterations: 1000 });
    const trusted = trustedOf(offices);
    expect((await openPackage(pkg.bytes, { trusted, maxSchemaVersion: 8, passphrase: '环翠报送口令2026' })).records).toHaveLength(3);
    const none = await refusal(openPackage(pkg.bytes, { trusted, maxSchemaVersion: 8 }));
    expect(none.code).toBe('PASSPHRASE_REQUIRED');
    expect(none.message).toContain('报送口令');
    const wrong = await refusal(openPackage(pkg.bytes, { trusted, maxSchemaVersion: 8, passphrase: '别的口令' }));
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
  });
});

describe('refusals', () => {
  it('an unknown sender is refused, naming the office and its fingerprint', async () => {
    const pkg = await samplePackage(offices.huancui);
    const onlyWendeng = trustedOf(offices).filter((o) => o.officeId === WENDENG.id);
    const e = await refusal(openPackage(pkg.bytes, { trusted: onlyWendeng, maxSchemaVersion: 8 }));
    expect(e.code).toBe('UNKNOWN_SENDER');
    expect(e.message).toContain('环翠区处非办');
    expect(e.message).toContain(keyFingerprint(offices.huancui.publicKey));
    expect(e.message).toContain('设置 → 报送');
  });

  it('a package signed by one office but claiming another is refused, naming the real signer', async () => {
    // 文登 signs with its own key and writes 环翠's identity into the header.
    const forged = await samplePackage(offices.wendeng, { sender: HUANCUI });
    const e = await refusal(openPackage(forged.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 }));
    expect(e.code).toBe('WRONG_OFFICE_KEY');
    expect(e.message).toBe('报送包自称来自「环翠区处非办」，但签名所用的密钥属于「文登区处非办」，不是「环翠区处非办」登记的公钥，未导入。请电话联系「环翠区处非办」核实。');
  });

  it('a claimed office whose registered key differs (signer unknown) is refused', async () => {
    const stranger = await makeOffices();
    const forged = await samplePackage(stranger.huancui);
    const e = await refusal(openPackage(forged.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 }));
    expect(e.code).toBe('WRONG_OFFICE_KEY');
    expect(e.message).toContain(keyFingerprint(stranger.huancui.publicKey));
  });

  it('a header re-signed by nobody (key swapped to the claimed office) fails the signature', async () => {
    const pkg = await samplePackage(offices.wendeng, { sender: HUANCUI });
    // Byte for byte in the header: both keys are 44 base64 characters, so only the signature can tell.
    const swapped = replaceAscii(pkg.bytes, offices.wendeng.publicKey, offices.huancui.publicKey);
    const e = await refusal(openPackage(swapped, { trusted: trustedOf(offices), maxSchemaVersion: 8 }));
    expect(e.code).toBe('BAD_SIGNATURE');
    expect(e.message).toContain('签名与内容不符');
  });

  it('every single flipped bit is refused, and never with a crash', async () => {
    const pkg = await samplePackage(offices.huancui);
    const codes = new Set<string>();
    for (let at = 0; at < pkg.bytes.length; at++) {
      const bad = pkg.bytes.slice();
      bad[at] = (bad[at] ?? 0) ^ (1 << (at % 8));
      const e = await refusal(openPackage(bad, { trusted: trustedOf(offices), maxSchemaVersion: 8 }));
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      codes.add(e.code);
    }
    expect([...codes].sort()).toEqual(expect.arrayContaining(['BAD_SIGNATURE', 'BODY_CHANGED', 'NOT_A_PACKAGE']));
  });

  it('a truncated file is refused as incomplete at every cut', async () => {
    const pkg = await samplePackage(offices.huancui);
    for (let len = 1; len < pkg.bytes.length; len += 7) {
      const e = await refusal(openPackage(pkg.bytes.subarray(0, len), { trusted: trustedOf(offices), maxSchemaVersion: 8 }));
      expect(e.code, `cut at ${len}`).toBe('TRUNCATED');
      expect(e.message).toContain('不完整');
    }
  });

  it('bytes added after the body are refused', async () => {
    const pkg = await samplePackage(offices.huancui);
    const longer = new Uint8Array(pkg.bytes.length + 3);
    longer.set(pkg.bytes);
    expect((await refusal(openPackage(longer, { trusted: trustedOf(offices), maxSchemaVersion: 8 }))).code).toBe('CORRUPTED');
  });

  it('a package from a newer schema is refused with the version named', async () => {
    const pkg = await samplePackage(offices.huancui, { schemaVersion: 12 });
    const e = await refusal(openPackage(pkg.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 }));
    expect(e.code).toBe('NEWER_SCHEMA');
    expect(e.message).toContain('数据结构第 12 版，本机为第 8 版');
  });

  it('a file that is not a package is refused as such', async () => {
    const e = await refusal(openPackage(new TextEncoder().encode('姓名,身份证号\n张三,1'), { trusted: [], maxSchemaVersion: 8 }));
    expect(e.code).toBe('NOT_A_PACKAGE');
    expect(e.message).toContain('.cfpkg');
  });

  it("this office's own package is not imported here", async () => {
    const pkg = await samplePackage(offices.huancui);
    expect((await refusal(openPackage(pkg.bytes, { trusted: trustedOf(offices), ownOfficeId: HUANCUI.id, maxSchemaVersion: 8 }))).code).toBe('OWN_PACKAGE');
  });
});

describe('splitPackage', () => {
  it('reads the header without verifying (what the CLI prints before the verdict)', async () => {
    const pkg = await samplePackage(offices.huancui, { recipient: CITY });
    expect(splitPackage(pkg.bytes).header.recipient?.name).toBe('威海市处非办');
  });
});

describe('key files', () => {
  it('round-trip and give the same fingerprint', () => {
    const text = writeKeyFile(HUANCUI, offices.huancui.publicKey);
    const read = readKeyFile(text);
    expect(read.ok && read.value.fingerprint).toBe(keyFingerprint(offices.huancui.publicKey));
    expect(keyFingerprint(offices.huancui.publicKey)).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
  });

  it('a key file whose key was swapped is refused: the fingerprint no longer matches', () => {
    const text = writeKeyFile(HUANCUI, offices.huancui.publicKey).replace(offices.huancui.publicKey, offices.wendeng.publicKey);
    const read = readKeyFile(text);
    expect(read).toEqual({ ok: false, message: '公钥文件中的指纹与公钥不符（文件可能被改动）。请对方单位重新导出，并电话核对指纹。' });
  });

  it('anything else is refused with what to choose instead', () => {
    const read = readKeyFile('not json');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('.cfkey');
  });
});

function replaceAscii(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const needle = new TextEncoder().encode(from);
  const out = bytes.slice();
  for (let i = 0; i + needle.length <= out.length; i++) {
    if (needle.every((b, j) => out[i + j] === b)) {
      out.set(new TextEncoder().encode(to), i);
      return out;
    }
  }
  throw new Error(`${from} not found`);
}

import { beforeAll, describe, expect, it } from 'vitest';
import { buildExchangeRecords, openPackage, packageLayout, type RegisterCreditor, splitPackage, type WrittenPackage } from '../../../../renderer/src/core/exchange';
import { flipBit, makeOffices, middleOf, type Offices, offsetOfText, Q1, refusal, registerCreditors, registersSource, replaceSpan, samplePackage, swapSpans, trustedOf } from './exchange-fixture';

// A format-2 package (a 2,500-creditor register in 3 frames after the body) damaged in each of its
// parts, found from the file's own layout: every change is refused with its Chinese message.

const BODY_CHANGED = '报送包的内容与签名时不一致（文件已被改动或损坏），未导入。请联系「环翠区处非办」重新发送。';
const BAD_SIGNATURE = '报送包的签名与内容不符（文件在签名后被改动过），不能确认来自「环翠区处非办」，未导入。请联系报送单位重新生成并发送报送包。';
const TRUNCATED = '报送包不完整（文件被截断，可能复制或传输未完成）。请重新拷贝该文件；仍不完整的，请联系报送单位重新生成并发送报送包。';
const CORRUPTED = '报送包已损坏，无法读取其中的报送信息。请联系报送单位重新生成并发送报送包。';
const PASSPHRASE = '报送包加密口令 2026';

let offices: Offices;
beforeAll(async () => {
  offices = await makeOffices();
});

const source = registersSource;

async function registerPackage(list: RegisterCreditor[], passphrase?: string, packageId = 'pkg-1'): Promise<WrittenPackage> {
  const { registers } = buildExchangeRecords(source(new Map([['case-1', list]])), Q1, false);
  return samplePackage(offices.huancui, { registers, packageId, ...(passphrase ? { passphrase, pbkdf2Iterations: 1000 } : {}) });
}

function open(bytes: Uint8Array, passphrase?: string) {
  return openPackage(bytes, { trusted: trustedOf(offices), maxSchemaVersion: 99, ...(passphrase ? { passphrase } : {}) });
}

describe.each([
  ['plain', undefined],
  ['encrypted', PASSPHRASE],
] as const)('a %s package with a register, damaged', (_, passphrase) => {
  let pkg: WrittenPackage;
  beforeAll(async () => {
    pkg = await registerPackage(registerCreditors(2_500), passphrase);
  });

  it('has the layout the header states: header, signature, body, three frames to the end of the file', async () => {
    const layout = packageLayout(pkg.bytes);
    expect(layout.frames).toHaveLength(3);
    expect(layout.signature.start).toBe(layout.header.end);
    expect(layout.body.start).toBe(layout.signature.end);
    expect(layout.frames[0]?.start).toBe(layout.body.end);
    expect(layout.frames[2]?.end).toBe(pkg.bytes.length);
    expect(layout.body.end - layout.body.start).toBe(pkg.header.body.storedBytes);
    expect((await open(pkg.bytes, passphrase)).registerFrames.get('case-1')).toHaveLength(3);
  });

  it('a flipped bit in the body: the content differs from what was signed', async () => {
    const e = await refusal(open(flipBit(pkg.bytes, middleOf(packageLayout(pkg.bytes).body)), passphrase));
    expect([e.code, e.message]).toEqual(['BODY_CHANGED', BODY_CHANGED]);
  });

  it('a flipped bit in the payload of each frame: the content differs from what was signed', async () => {
    for (const frame of packageLayout(pkg.bytes).frames) {
      const e = await refusal(open(flipBit(pkg.bytes, middleOf(frame), 7), passphrase));
      expect([e.code, e.message]).toEqual(['BODY_CHANGED', BODY_CHANGED]);
    }
  });

  it("a flipped bit in a frame's length: refused as cut or damaged, never read", async () => {
    const [, second] = packageLayout(pkg.bytes).frames;
    if (!second) throw new Error('frame 2');
    // The length's lowest byte: the frame now ends one byte early or late.
    const e = await refusal(open(flipBit(pkg.bytes, second.start + 4), passphrase));
    // Plain, frame 3's head is then read a byte off; encrypted, frame 2 no longer authenticates.
    expect([e.code, e.message]).toEqual(passphrase === undefined ? ['CORRUPTED', CORRUPTED] : ['BODY_CHANGED', BODY_CHANGED]);
  });

  it('frames 1 and 2 exchanged: the content differs from what was signed', async () => {
    const [first, second] = packageLayout(pkg.bytes).frames;
    if (!first || !second) throw new Error('frames');
    const e = await refusal(open(swapSpans(pkg.bytes, first, second), passphrase));
    expect([e.code, e.message]).toEqual(['BODY_CHANGED', BODY_CHANGED]);
  });

  it('the file cut inside a frame, or after a whole frame: incomplete', async () => {
    const [, second] = packageLayout(pkg.bytes).frames;
    if (!second) throw new Error('frame 2');
    for (const at of [middleOf(second), second.start, pkg.bytes.length - 1]) {
      const e = await refusal(open(pkg.bytes.subarray(0, at), passphrase));
      expect([e.code, e.message], `cut at ${at}`).toEqual(['TRUNCATED', TRUNCATED]);
    }
  });

  it('a flipped bit anywhere in the sender part of the header is refused as a changed signature (or a damaged header), never read as another sender', async () => {
    const { header } = packageLayout(pkg.bytes);
    // The header is the only place these occur (the body is compressed).
    const start = offsetOfText(pkg.bytes, '"sender":');
    const end = offsetOfText(pkg.bytes, '"recipient":');
    expect(start).toBeGreaterThan(header.start);
    expect(end).toBeLessThan(header.end);
    const codes = new Set<string>();
    for (let at = start; at < end; at++) {
      const e = await refusal(open(flipBit(pkg.bytes, at, at % 8), passphrase));
      codes.add(e.code);
      if (e.code === 'BAD_SIGNATURE') expect(e.message).toMatch(/^报送包的签名与内容不符（文件在签名后被改动过），不能确认来自「.*」，未导入。/);
    }
    expect([...codes].sort()).toEqual(['BAD_SIGNATURE', 'CORRUPTED']);
  });

  it("a flipped bit in the sender's office id reads as a changed signature naming the office", async () => {
    const e = await refusal(open(flipBit(pkg.bytes, offsetOfText(pkg.bytes, 'office-huancui') + 'office-'.length), passphrase));
    expect([e.code, e.message]).toEqual(['BAD_SIGNATURE', BAD_SIGNATURE]);
  });

  it('a frame taken from another package of the same office (same place, same size) is refused', async () => {
    // Encrypted: the same register again (new salt and IVs, so frames of the same size).
    // Plain: two registers whose frame 2 differs in one creditor's phone but compresses to the same size
    // (the victim is then the first of the two, not `pkg`).
    let victim: WrittenPackage | null = passphrase === undefined ? null : pkg;
    let other: WrittenPackage | null = null;
    const bySize = new Map<number, WrittenPackage>();
    const frame2Size = (p: WrittenPackage) => {
      const f = packageLayout(p.bytes).frames[1];
      return f ? f.end - f.start : -1;
    };
    if (victim) bySize.set(frame2Size(victim), victim);
    for (let k = 1; k < 80 && other === null; k++) {
      const candidate = await registerPackage(
        registerCreditors(2_500, (i) => (passphrase === undefined && i === 1_500 ? { phone: `1390631${String(k * 37).padStart(4, '0')}` } : {})),
        passphrase,
        `pkg-${k + 1}`,
      );
      const twin = bySize.get(frame2Size(candidate));
      if (twin) {
        victim = twin;
        other = candidate;
      } else if (passphrase === undefined) bySize.set(frame2Size(candidate), candidate);
    }
    if (!other || !victim) throw new Error('no package with a frame 2 of the same size');
    const theirs = packageLayout(other.bytes).frames[1];
    const mine = packageLayout(victim.bytes).frames[1];
    if (!theirs || !mine) throw new Error('frame 2');
    expect(other.bytes.subarray(theirs.start, theirs.end)).not.toEqual(victim.bytes.subarray(mine.start, mine.end));
    const e = await refusal(open(replaceSpan(victim.bytes, mine, other.bytes.subarray(theirs.start, theirs.end)), passphrase));
    expect([e.code, e.message]).toEqual(['BODY_CHANGED', BODY_CHANGED]);
  });
});

describe('a package with two registers', () => {
  it("a frame of one register moved into the other's place is refused", async () => {
    const { registers } = buildExchangeRecords(
      source(
        new Map([
          ['case-1', registerCreditors(1_200)],
          ['case-2', registerCreditors(1_200)],
        ]),
      ),
      Q1,
      false,
    );
    const pkg = await samplePackage(offices.huancui, { registers });
    const frames = packageLayout(pkg.bytes).frames;
    expect(frames).toHaveLength(4);
    const [a, , b] = frames;
    if (!a || !b) throw new Error('frames');
    // The first frame of each register: identical creditors, so identical bytes but for the register's index.
    const e = await refusal(open(swapSpans(pkg.bytes, a, b)));
    expect([e.code, e.detail, e.message]).toEqual(['CORRUPTED', 'register frame 1 belongs to another register', CORRUPTED]);
  });
});

describe('splitPackage on format 2', () => {
  it('bytes after the last frame are refused as damaged', async () => {
    const pkg = await registerPackage(registerCreditors(10));
    const longer = new Uint8Array(pkg.bytes.length + 1);
    longer.set(pkg.bytes);
    expect(() => splitPackage(longer)).toThrow(CORRUPTED);
  });
});

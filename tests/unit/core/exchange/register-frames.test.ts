import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeRowPieces } from '../../../../renderer/src/core/backup/row-codec';
import { readRowsFrame } from '../../../../renderer/src/core/backup/rows-frame';
import {
  buildExchangeRecords,
  openPackage,
  parseRegisterText,
  type RegisterCreditor,
  readRegisterFrame,
  registerFrameCounts,
  registerFrameText,
  registerSummaryOf,
} from '../../../../renderer/src/core/exchange';
import { HUANCUI, makeOffices, packageOptions, Q1, refusal, registerCreditors, registersSource, samplePackage, trustedOf } from './exchange-fixture';

// Creditor registers travel as the backup's 1,000-creditor frames after the package's body.

const creditors = (n: number) => registerCreditors(n);

const source = (list: RegisterCreditor[]) => registersSource(new Map([['case-1', list]]));

async function readBack(opened: Awaited<ReturnType<typeof openPackage>>, caseId: string): Promise<RegisterCreditor[]> {
  const out: RegisterCreditor[] = [];
  for (const f of opened.registerFrames.get(caseId) ?? []) out.push(...(await readRegisterFrame(f)));
  return out;
}

describe('register frames', () => {
  it('a 2,500-creditor register round-trips in 3 frames, masked by default, exact when included on purpose; counts and sums equal', async () => {
    const offices = await makeOffices();
    const list = creditors(2_500);
    const masked = buildExchangeRecords(source(list), Q1, false);
    const pkg = await samplePackage(offices.huancui, { registers: masked.registers });
    expect(pkg.header.formatVersion).toBe(3);
    expect(pkg.header.registers?.frames).toBe(3);
    expect(pkg.header.counts.creditors).toBe(1);
    const opened = await openPackage(pkg.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 99 });
    const summary = registerSummaryOf(opened.records.find((r) => r.kind === 'creditors') ?? { kind: '', data: {} });
    expect(summary).toMatchObject({ caseId: 'case-1', count: 2_500, frames: 3, principalFen: list.reduce((n, c) => n + c.principalFen, 0), netClaimFen: list.reduce((n, c) => n + c.netClaimFen, 0) });
    const back = await readBack(opened, 'case-1');
    expect(back).toHaveLength(2_500);
    expect(back[0]).toMatchObject({ cid: '1', name: '王*兰', idNumber: '371002********1000', phone: '138****1234', principalFen: 100_000 });
    expect(JSON.stringify(back)).not.toContain('王秀兰');

    const full = buildExchangeRecords(source(list), Q1, true);
    const plain = await samplePackage(offices.huancui, { registers: full.registers, passphrase: '报送包加密口令 2026' });
    const openedFull = await openPackage(plain.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 99, passphrase: '报送包加密口令 2026' });
    expect(await readBack(openedFull, 'case-1')).toEqual(list);
    // Encrypted: no creditor text in the file.
    expect(new TextDecoder().decode(plain.bytes)).not.toContain('已核实');
  });

  it('a flipped bit in a frame or a frame cut off is refused (plain and encrypted)', async () => {
    const offices = await makeOffices();
    const registers = buildExchangeRecords(source(creditors(2_000)), Q1, false).registers;
    for (const passphrase of [undefined, '报送包加密口令 2026']) {
      const pkg = await samplePackage(offices.huancui, { registers, ...(passphrase ? { passphrase } : {}) });
      const open = (bytes: Uint8Array) => openPackage(bytes, { trusted: trustedOf(offices), maxSchemaVersion: 99, ...(passphrase ? { passphrase } : {}) });
      const flipped = pkg.bytes.slice();
      const at = flipped.length - 100;
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      expect((await refusal(open(flipped))).code).toBe('BODY_CHANGED');
      expect((await refusal(open(pkg.bytes.subarray(0, pkg.bytes.length - 10)))).code).toBe('TRUNCATED');
      expect((await open(pkg.bytes)).registerFrames.get('case-1')).toHaveLength(2);
    }
  });

  it('a frame holds its 1,000 creditors as the backup holds a creditor block: the same encoder, one line of columns', async () => {
    const offices = await makeOffices();
    const list = creditors(1_500);
    const pkg = await samplePackage(offices.huancui, { registers: buildExchangeRecords(source(list), Q1, true).registers });
    const opened = await openPackage(pkg.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 99 });
    const [first, second] = opened.registerFrames.get('case-1') ?? [];
    const text = new TextDecoder().decode((await readRowsFrame(first as Uint8Array))?.text);
    const pieces = encodeRowPieces(list.slice(0, 1_000));
    expect(text).toBe(`${typeof pieces === 'string' ? pieces : pieces.join('')}\n`);
    expect(text.startsWith('{"$t":"cols"')).toBe(true);
    expect(await readRegisterFrame(first as Uint8Array, 1_000)).toEqual(list.slice(0, 1_000));
    expect(await readRegisterFrame(second as Uint8Array, 500)).toEqual(list.slice(1_000));
    expect((await registerFrameText(second as Uint8Array)).count).toBe(500);
    await expect(readRegisterFrame(second as Uint8Array, 499)).rejects.toMatchObject({ code: 'CORRUPTED' });
    expect(registerFrameCounts({ count: 2_500, frames: 3 })).toEqual([1_000, 1_000, 500]);
    expect(registerFrameCounts({ count: 2_500, frames: 2 })).toBeNull();
    expect(registerFrameCounts({ count: 0, frames: 0 })).toEqual([]);
  });

  it('a package of format 2 (one NDJSON line per creditor in its frames) still opens and reads the same creditors', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../fixtures/exchange/register-v2.cfpkg', import.meta.url)));
    const opened = await openPackage(bytes, { maxSchemaVersion: 99 });
    expect(opened.header.formatVersion).toBe(2);
    expect(opened.verdict).toBe('untrusted-valid');
    const back = await readBack(opened, 'case-1');
    expect(back).toEqual(creditors(2_500));
    const frames = opened.registerFrames.get('case-1') ?? [];
    expect((await registerFrameText(frames[0] as Uint8Array)).text.split('\n')).toHaveLength(1_001);
    expect(parseRegisterText((await registerFrameText(frames[2] as Uint8Array)).text)).toEqual(creditors(2_500).slice(2_000));
  });

  it('a package without registers is still written in format 1', async () => {
    const offices = await makeOffices();
    const pkg = await samplePackage(offices.huancui, packageOptions(offices.huancui));
    expect(pkg.header.formatVersion).toBe(1);
    expect(pkg.header.registers).toBeUndefined();
    expect(pkg.header.sender.id).toBe(HUANCUI.id);
  });
});

// Two district offices and a city office with real Ed25519 keys, a small package, a creditor register,
// and ways to damage a file, for the exchange tests.
import type { ByteSpan, ExchangeError, ExchangeRecord, OfficeIdentity, OfficeKeyPair, OfficeSource, RegisterCreditor, TrustedOffice, WritePackageOptions } from '../../../../renderer/src/core/exchange';
import { generateOfficeKeyPair, isExchangeError, keyFingerprint, reportPeriod, writePackage } from '../../../../renderer/src/core/exchange';

export const HUANCUI: OfficeIdentity = { id: 'office-huancui', name: '环翠区处非办', level: 'district', district: '环翠区' };
export const WENDENG: OfficeIdentity = { id: 'office-wendeng', name: '文登区处非办', level: 'district', district: '文登区' };
export const CITY: OfficeIdentity = { id: 'office-city', name: '威海市处非办', level: 'city', district: '' };

export interface Offices {
  readonly huancui: OfficeKeyPair;
  readonly wendeng: OfficeKeyPair;
}

export async function makeOffices(): Promise<Offices> {
  return { huancui: await generateOfficeKeyPair(), wendeng: await generateOfficeKeyPair() };
}

export function trustedOf(offices: Offices): TrustedOffice[] {
  return [
    { officeId: HUANCUI.id, name: HUANCUI.name, publicKey: offices.huancui.publicKey, fingerprint: keyFingerprint(offices.huancui.publicKey) },
    { officeId: WENDENG.id, name: WENDENG.name, publicKey: offices.wendeng.publicKey, fingerprint: keyFingerprint(offices.wendeng.publicKey) },
  ];
}

export const Q1 = reportPeriod('quarter', 2026, 1);

export function sampleRecords(district = '环翠区'): ExchangeRecord[] {
  return [
    { kind: 'case', sourceId: 'case-1', district, data: { caseNumber: '环处非〔2026〕1号', title: '某养老公司案', stage: '立案', amountInvolvedFen: 123_400 } },
    { kind: 'case', sourceId: 'case-2', district, data: { caseNumber: '环处非〔2026〕2号', title: '某理财公司案', stage: '侦查', amountInvolvedFen: 500_000 } },
    { kind: 'petition', sourceId: 'pet-1', district, data: { receivedOn: '2026-02-03', demands: '要求退还本金', status: '受理', personCount: 3 } },
  ];
}

export function packageOptions(keys: OfficeKeyPair, over: Partial<WritePackageOptions> = {}): WritePackageOptions {
  return {
    sender: HUANCUI,
    keys,
    period: Q1,
    records: sampleRecords(),
    totals: { amountInvolvedFen: 623_400, lossesRecoveredFen: 0, refundPaidFen: 0, petitionPersons: 3, creditors: 0 },
    personalData: { included: false, by: '', reason: '' },
    appVersion: '0.1.0',
    schemaVersion: 8,
    createdAt: new Date('2026-04-05T02:00:00Z'),
    packageId: 'pkg-1',
    ...over,
  };
}

export async function samplePackage(keys: OfficeKeyPair, over: Partial<WritePackageOptions> = {}) {
  return writePackage(packageOptions(keys, over));
}

/** The ExchangeError a promise is refused with (fails when it is accepted or throws anything else). */
export async function refusal(p: Promise<unknown>): Promise<ExchangeError> {
  try {
    await p;
  } catch (e) {
    if (isExchangeError(e)) return e;
    throw e;
  }
  throw new Error('accepted');
}


/** `n` creditors of a register (names and ID numbers of persons, as the district holds them). */
export function registerCreditors(n: number, over: (i: number) => Partial<RegisterCreditor> = () => ({})): RegisterCreditor[] {
  return Array.from({ length: n }, (_, i) => ({
    cid: String(i + 1),
    name: i % 2 === 0 ? '王秀兰' : '李建国',
    idType: '居民身份证',
    idNumber: `37100219800101${String(1000 + (i % 9000)).padStart(4, '0')}`,
    phone: '13806311234',
    principalFen: 100_000 + i,
    returnedFen: i % 3,
    netClaimFen: 100_000 + i - (i % 3),
    status: '已核实',
    ...over(i),
  }));
}

/** A copy with one bit changed at `at`. */
export function flipBit(bytes: Uint8Array, at: number, bit = 0): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] ?? 0) ^ (1 << bit);
  return out;
}

/** A copy with the bytes of `span` replaced by `by` (any length). */
export function replaceSpan(bytes: Uint8Array, span: ByteSpan, by: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (span.end - span.start) + by.length);
  out.set(bytes.subarray(0, span.start), 0);
  out.set(by, span.start);
  out.set(bytes.subarray(span.end), span.start + by.length);
  return out;
}

/** A copy with two spans (a before b, not overlapping) exchanged. */
export function swapSpans(bytes: Uint8Array, a: ByteSpan, b: ByteSpan): Uint8Array {
  const parts = [bytes.subarray(0, a.start), bytes.subarray(b.start, b.end), bytes.subarray(a.end, b.start), bytes.subarray(a.start, a.end), bytes.subarray(b.end)];
  const out = new Uint8Array(bytes.length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The byte offset of the first occurrence of `text` (UTF-8) in `bytes`; throws when absent. */
export function offsetOfText(bytes: Uint8Array, text: string): number {
  const needle = new TextEncoder().encode(text);
  for (let i = 0; i + needle.length <= bytes.length; i++) if (needle.every((b, j) => bytes[i + j] === b)) return i;
  throw new Error(`${text} not found`);
}

/** The byte in the middle of a span. */
export function middleOf(span: ByteSpan): number {
  return Math.floor((span.start + span.end) / 2);
}

/** An office's source with nothing but creditor registers (case id → creditors), for buildExchangeRecords. */
export function registersSource(registers: ReadonlyMap<string, readonly RegisterCreditor[]>): OfficeSource {
  return { cases: [], parties: [], petitions: [], mediation: [], mediationPetition: new Map(), refunds: [], documents: [], creditorRegisters: registers, registerCounts: new Map() };
}

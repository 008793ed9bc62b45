// Two district offices and a city office with real Ed25519 keys, and a small package, for the
// exchange tests.
import type { ExchangeError, ExchangeRecord, OfficeIdentity, OfficeKeyPair, TrustedOffice, WritePackageOptions } from '../../../../renderer/src/core/exchange';
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


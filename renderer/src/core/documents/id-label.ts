// The label of a person's ID number as a document prints it (issue 11): 身份证号码 only for a
// resident ID; a passport, an HK/Macau or Taiwan permit, or a credit code is named as such.

const LABELS: Readonly<Record<string, string>> = {
  resident: '身份证号码',
  resident15: '身份证号码',
  passport: '护照号码',
  hk_macau: '港澳居民来往内地通行证号码',
  taiwan: '台湾居民来往大陆通行证号码',
  org: '统一社会信用代码',
};

/** The kind of ID a number looks like, when no type was recorded (a petitioner typed by hand). */
export function idTypeOfNumber(n: string): string | undefined {
  const s = n.replace(/\s/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(s) || /^\d{6}\*+\d{3}[\dX]$/.test(s) || /^\d{4}\*+\d{3}[\dX]$/.test(s)) return 'resident';
  if (/^\d{15}$/.test(s)) return 'resident15';
  if (/^[HM]\d{8,10}$/.test(s)) return 'hk_macau';
  if (/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return 'org';
  if (/^[EGDSP]\d{8}$/.test(s) || /^E[A-Z]\d{7}$/.test(s)) return 'passport';
  if (/^\d{8}$/.test(s)) return 'taiwan';
  return undefined;
}

/** "护照号码" for {idType: 'passport'}; from the number's shape when the type is missing. */
export function idLabel(idType: string | undefined, idNumber = ''): string {
  return LABELS[idType ?? ''] ?? LABELS[idTypeOfNumber(idNumber) ?? ''] ?? '证件号码';
}

// Refusals of a package, in Chinese for the person at the desk (what happened, what to do), with
// the English detail for the CLI and bug reports. Nothing of a refused package is stored.

export type ExchangeErrorCode =
  | 'NOT_A_PACKAGE'
  | 'TRUNCATED'
  | 'CORRUPTED'
  | 'NEWER_FORMAT'
  | 'NEWER_SCHEMA'
  | 'UNKNOWN_SENDER'
  | 'WRONG_OFFICE_KEY'
  | 'BAD_SIGNATURE'
  | 'BODY_CHANGED'
  | 'PASSPHRASE_REQUIRED'
  | 'WRONG_PASSPHRASE'
  | 'REPLAYED_OLDER'
  | 'OWN_PACKAGE'
  | 'NOT_FOR_THIS_OFFICE';

export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export function isExchangeError(error: unknown): error is ExchangeError {
  return error instanceof ExchangeError;
}

const ASK_RESEND = '请联系报送单位重新生成并发送报送包。';

export const refusals = {
  notAPackage: (detail: string) =>
    new ExchangeError('NOT_A_PACKAGE', '所选文件不是处非工作台的报送包（文件开头的标识不符）。请选择报送单位发来的 .cfpkg 文件。', detail),
  truncated: (detail: string) =>
    new ExchangeError('TRUNCATED', `报送包不完整（文件被截断，可能复制或传输未完成）。请重新拷贝该文件；仍不完整的，${ASK_RESEND}`, detail),
  corrupted: (detail: string) => new ExchangeError('CORRUPTED', `报送包已损坏，无法读取其中的报送信息。${ASK_RESEND}`, detail),
  newerFormat: (version: number) =>
    new ExchangeError('NEWER_FORMAT', `报送包格式为第 ${version} 版，本软件只能读取到第 2 版。请先升级本软件再导入。`, `format version ${version}`),
  newerSchema: (version: number, ours: number) =>
    new ExchangeError(
      'NEWER_SCHEMA',
      `报送包由较新版本的软件生成（数据结构第 ${version} 版，本机为第 ${ours} 版），本机无法正确读取。请先将本软件升级到与报送单位相同或更新的版本，再导入。`,
      `schema ${version} > ${ours}`,
    ),
  unknownSender: (name: string, id: string, fingerprint: string) =>
    new ExchangeError(
      'UNKNOWN_SENDER',
      `报送单位「${name}」不在本机的报送单位名单中，未导入。请先在 设置 → 报送 中添加该单位的公钥（公钥文件，或电话核对指纹 ${fingerprint}），再导入。`,
      `unknown sender ${id}`,
    ),
  wrongOfficeKey: (claimed: string, signer: string | null, fingerprint: string) =>
    new ExchangeError(
      'WRONG_OFFICE_KEY',
      signer
        ? `报送包自称来自「${claimed}」，但签名所用的密钥属于「${signer}」，不是「${claimed}」登记的公钥，未导入。请电话联系「${claimed}」核实。`
        : `报送包自称来自「${claimed}」，但签名所用的密钥（指纹 ${fingerprint}）不是本机为该单位登记的公钥，未导入。请电话联系「${claimed}」核对公钥指纹。`,
      `claimed sender's registered key differs from the signing key ${fingerprint}`,
    ),
  badSignature: (name: string) =>
    new ExchangeError('BAD_SIGNATURE', `报送包的签名与内容不符（文件在签名后被改动过），不能确认来自「${name}」，未导入。${ASK_RESEND}`, 'signature does not verify'),
  bodyChanged: (name: string) =>
    new ExchangeError('BODY_CHANGED', `报送包的内容与签名时不一致（文件已被改动或损坏），未导入。请联系「${name}」重新发送。`, 'body SHA-256 differs from the signed header'),
  passphraseRequired: () =>
    new ExchangeError('PASSPHRASE_REQUIRED', '报送包已加密，请填写报送单位告知的报送口令后再导入。', 'encrypted, no passphrase'),
  wrongPassphrase: () => new ExchangeError('WRONG_PASSPHRASE', '报送口令不正确，无法解密报送包。请与报送单位核对口令（区分大小写）。', 'AES-GCM did not authenticate'),
  replayedOlder: (name: string, period: string, held: string, offered: string) =>
    new ExchangeError(
      'REPLAYED_OLDER',
      `本机已导入「${name}」${period}较新的报送包（生成于 ${held}），此包生成于 ${offered}，较旧，未导入。如需更正，请报送单位重新生成报送包。`,
      `older package ${offered} after ${held}`,
    ),
  notForThisOffice: (sender: string, recipient: string) =>
    new ExchangeError(
      'NOT_FOR_THIS_OFFICE',
      `这是「${sender}」发给「${recipient}」的通知包，不是发给本单位的，未导入。请转交「${recipient}」导入；如确应发给本单位，请「${sender}」重新生成。`,
      `notice package for ${recipient}`,
    ),
  ownPackage: () => new ExchangeError('OWN_PACKAGE', '这是本单位自己生成的报送包，不能导入本机。请在接收单位的电脑上导入。', 'sender is this office'),
};

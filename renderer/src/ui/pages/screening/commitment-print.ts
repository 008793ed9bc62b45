// 拒绝组织参与非法集资承诺书: one per firm, or every firm of a round, as one PDF and one DOCX through
// the document engine's batch (checked for missing fields and unprintable characters first).
import { findBuiltinTemplate } from '../../../core/documents/builtin-templates';
import type { DocumentData } from '../../../core/documents/template-types';
import type { Firm } from '../../../core/screening';
import type { Bridge } from '../../../platform/bridge';
import { notify } from '../../toaster';
import { renderNoticeBatch } from '../documents/render-client';

export const COMMITMENT_TEMPLATE_ID = 'commitment-letter';

export function commitmentData(firm: Firm, officeName: string, roundName: string): DocumentData {
  return {
    firmName: firm.name,
    creditCode: firm.creditCode || '待补充',
    legalRep: firm.legalRep || '　　　　',
    address: firm.address || '　　　　',
    officeName,
    ...(roundName ? { roundName } : {}),
  };
}

export async function printCommitmentLetters(
  firms: readonly Firm[],
  officeName: string,
  bridge: Bridge,
  roundName = '',
  fontSet: 'official' | 'stockWindows' = 'official',
): Promise<void> {
  const template = findBuiltinTemplate(COMMITMENT_TEMPLATE_ID);
  if (!template) throw new Error('承诺书模板缺失：请重新安装程序。');
  if (!officeName.trim()) {
    void notify('发文机关未设置：承诺书要写明接收机关，请先在“设置 → 单位与经办人”中填写。', 'danger');
    return;
  }
  if (firms.length === 0) {
    void notify('没有要打印承诺书的企业。', 'warning');
    return;
  }
  try {
    const out = await renderNoticeBatch(
      template,
      firms.map((f) => commitmentData(f, officeName, roundName)),
      firms.map((f) => f.name),
      fontSet,
      () => undefined,
    );
    const base = (firms.length === 1 ? `${firms[0]?.name ?? ''}-承诺书` : `${roundName || '排查'}-承诺书（${firms.length}份）`).replace(/[\\/:*?"<>|]/g, '_');
    for (const [format, bytes] of [
      ['pdf', out.pdf],
      ['docx', out.docx],
    ] as const) {
      await bridge.saveFile({ suggestedName: `${base}.${format}`, filters: [{ name: format === 'pdf' ? 'PDF 文件' : 'Word 文档', extensions: [format] }], bytes });
    }
  } catch (e) {
    void notify(e instanceof Error ? e.message : String(e), 'danger');
  }
}

// A whistleblower's identity is kept confidential (举报人保密): whoever shows it in full says why,
// and the reason is kept in the audit entry of the reveal beside who did it and when.

export const REVEAL_PURPOSE_MAX = 100;

/** Common reasons, offered as a pick so the clerk need not type the usual ones. */
export const REVEAL_PURPOSES: readonly string[] = ['核查线索需联系举报人', '答复举报人', '核实举报人身份（奖励）', '移送或立案需提供举报人信息'];

/** Null when the purpose may be recorded; otherwise what to do, naming the field. */
export function checkRevealPurpose(purpose: string): string | null {
  const text = purpose.trim();
  if (text === '') return '查看用途：请写明为什么要查看举报人的完整信息（如“核查线索需联系举报人”），该用途会记入审计日志。';
  const length = [...text].length;
  if (length > REVEAL_PURPOSE_MAX) return `查看用途：不能超过 ${REVEAL_PURPOSE_MAX} 字（现有 ${length} 字），请精简。`;
  return null;
}

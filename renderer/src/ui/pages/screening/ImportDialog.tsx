import { Button, Callout, Dialog, DialogBody, DialogFooter, HTMLSelect, HTMLTable, ProgressBar, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import type { FirmImportResult } from '../../../core/screening';
import type { FirmImportMessage } from '../../../workers/firm-import-protocol';
import { useApp } from '../../app/app-context';
import { checkProgressText, useImportCheck } from '../../hooks/use-import-check';
import { notify } from '../../toaster';
import { guarded } from './form-bits';

type Step = { readonly kind: 'pick' } | { readonly kind: 'checked'; readonly fileName: string; readonly bytes: Uint8Array; readonly result: FirmImportResult };

/**
 * Importing a ledger: pick a file, read the verdict on every row (nothing is written yet), then
 * import the accepted rows in one go. Rows with errors stay out and are listed with what to fix.
 */
export function ImportDialog(props: { readonly onClose: () => void; readonly onImported: () => void }) {
  const { repos, bridge } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [message, setMessage] = useState<string | null>(null);
  // What the user asked for (取消) is said plainly, not in the red of an error.
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [progress, setProgress] = useState<string | null>(null);
  const checks = useImportCheck();

  // The check runs in a worker (a registry export can hold 200,000 firms): the window keeps
  // answering, the rows read so far are shown, and 取消 stops it with nothing written; a check
  // cancelled while the ledger's context was still being read never starts its worker.
  const check = async (bytes: Uint8Array, fileName: string, sheet?: string) => {
    const run = checks.begin();
    setBusy(true);
    setMessage(null);
    setNotice(null);
    setProgress('正在读取文件…');
    const context = await repos.screening.importContext();
    if (!run.current()) return;
    const w = run.start<FirmImportMessage>(
      () => new Worker(new URL('../../../workers/firm-import.worker.ts', import.meta.url), { type: 'module' }),
      (m) => {
        if (m.type === 'progress') return setProgress(checkProgressText(m));
        run.finish();
        setBusy(false);
        setProgress(null);
        if (m.type === 'done') setStep({ kind: 'checked', fileName, bytes, result: m.result });
        else setMessage(`校验未能完成：${m.message}。请确认文件未损坏后重试。`);
      },
      (why) => {
        setBusy(false);
        setProgress(null);
        setMessage(`校验未能完成：${why}。请重试；文件很大时请先关闭其他程序。`);
      },
    );
    w.postMessage({ bytes, fileName, ...(sheet === undefined ? {} : { sheet }), context });
  };
  const cancel = () => {
    checks.cancel();
    setBusy(false);
    setProgress(null);
    setNotice('已取消校验，台账没有变化。');
  };
  const pick = async () => {
    const picked = await bridge.openFile({ title: '选择排查对象名单', filters: [{ name: 'Excel 或 CSV', extensions: ['xlsx', 'xls', 'csv'] }] });
    if (picked.status !== 'opened') return;
    await check(picked.bytes, picked.fileName);
  };
  const commit = async () => {
    if (step.kind !== 'checked') return;
    setBusy(true);
    const r = await guarded(() => repos.screening.commitImport(step.result, step.fileName), setMessage);
    setBusy(false);
    if (!r) return;
    if (!r.ok) {
      setMessage(r.message);
      return;
    }
    void notify(`已导入：新增 ${r.value.newFirms} 家，更新 ${r.value.updatedFirms} 家`, 'success');
    props.onImported();
  };

  const result = step.kind === 'checked' ? step.result : null;
  const problems = result ? result.rows.filter((r) => r.status !== 'ok') : [];
  return (
    <Dialog isOpen onClose={props.onClose} title="导入排查对象名单" style={{ width: 900 }}>
      <DialogBody>
        <p>可导入市场监管部门登记库导出的名单或其他部门的表格（xlsx、xls、csv）。表头可用“企业名称 / 市场主体名称”“统一社会信用代码”“法定代表人”“住所”“所属区县”“经营范围”等常见写法；同一信用代码的企业合并为一家，已在台账中的企业更新信息，不重复登记。</p>
        {message && <Callout intent="danger">{message}</Callout>}
        {notice && (
          <Callout intent="primary" data-testid="firm-import-notice">
            {notice}
          </Callout>
        )}
        {step.kind === 'pick' && !progress && <Button icon="import" intent="primary" text="选择文件…" loading={busy} onClick={() => void pick()} />}
        {progress && (
          <div className="screening-import-progress" data-testid="firm-import-progress">
            <p>{progress}</p>
            <ProgressBar intent="primary" />
            <Button text="取消" onClick={cancel} />
          </div>
        )}
        {result?.fatal && (
          <Callout intent="danger" data-testid="import-fatal">
            {result.fatal.message}
          </Callout>
        )}
        {step.kind === 'checked' && result && !result.fatal && (
          <div data-testid="import-report">
            <p>
              文件 {step.fileName}，工作表{' '}
              {result.sheetNames.length > 1 ? (
                <HTMLSelect aria-label="工作表" value={result.sheetName} onChange={(e) => void check(step.bytes, step.fileName, e.currentTarget.value)} options={[...result.sheetNames]} />
              ) : (
                result.sheetName
              )}
              ，表头第 {result.headerRow} 行。
            </p>
            <p data-testid="import-summary">
              数据 {result.dataRows} 行：正常 {result.okRows}，提示 {result.warningRows}，<strong>错误 {result.errorRows}</strong>；将新增 {result.newFirms} 家、更新台账中已有的 {result.existingFirms} 家；含涉金融关键字样 {result.keywordHits} 行。
              {result.errorRows > 0 && ' 有错误的行不会导入，请按下表修改后再导入这些行。'}
            </p>
            {problems.length > 0 && (
              <div className="screening-import-report">
                <HTMLTable compact striped className="full-width">
                  <thead>
                    <tr>
                      <th>行</th>
                      <th>结果</th>
                      <th>说明</th>
                    </tr>
                  </thead>
                  <tbody>
                    {problems.slice(0, 500).map((r) => (
                      <tr key={r.row} data-testid={`import-row-${r.row}`}>
                        <td>{r.row}</td>
                        <td>
                          <Tag minimal intent={r.status === 'error' ? 'danger' : 'warning'}>
                            {r.status === 'error' ? '错误' : '提示'}
                          </Tag>
                        </td>
                        <td>
                          {r.issues.map((i) => (
                            <div key={i.code + i.message}>{i.message}</div>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </HTMLTable>
                {problems.length > 500 && <p className="muted">另有 {problems.length - 500} 行未列出（可用命令行 firms check 查看全部）。</p>}
              </div>
            )}
          </div>
        )}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="取消" onClick={props.onClose} />
            {step.kind === 'checked' && <Button text="换一个文件" onClick={() => void pick()} />}
            <Button
              intent="primary"
              text={result && !result.fatal ? `导入 ${result.firms.length} 家企业` : '导入'}
              disabled={!result || Boolean(result.fatal) || result.firms.length === 0}
              loading={busy}
              onClick={() => void commit()}
            />
          </>
        }
      />
    </Dialog>
  );
}

import { Button, Callout, Card, FileInput, HTMLTable, ProgressBar, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import type { AdvertImportCheck } from '../../../db/repositories/monitoring-repository';
import type { AdvertImportMessage } from '../../../workers/advert-import-protocol';
import { useApp } from '../../app/app-context';
import { checkProgressText, useImportCheck } from '../../hooks/use-import-check';

/**
 * 导入监测结果: the file is hashed, parsed and checked in a worker (a platform's export may hold
 * 100,000 adverts) with the rows read shown and 取消; the row report and a re-import of the same
 * file are shown before anything is stored; 导入 stores the valid rows in one transaction.
 */
export function AdvertImportCard({ onImported }: { readonly onImported: () => void }) {
  const { repos, can } = useApp();
  const [check, setCheck] = useState<{ fileName: string; check: AdvertImportCheck } | null>(null);
  const [notice, setNotice] = useState<{ intent: 'primary' | 'danger'; text: string } | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const checks = useImportCheck();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const check = checks.begin();
    setNotice(null);
    setCheck(null);
    setProgress('正在读取文件…');
    const [bytes, context] = await Promise.all([file.arrayBuffer().then((b) => new Uint8Array(b)), repos.monitoring.importContext()]);
    if (!check.current()) return;
    const fail = (why: string) => {
      if (!check.current()) return;
      check.finish();
      setProgress(null);
      setNotice({ intent: 'danger', text: `校验未能完成：${why}。请确认文件未损坏后重试。` });
    };
    const w = check.start<AdvertImportMessage>(
      () => new Worker(new URL('../../../workers/advert-import.worker.ts', import.meta.url), { type: 'module' }),
      (m) => {
        if (m.type === 'progress') return setProgress(checkProgressText(m));
        if (m.type === 'failed') return fail(m.message);
        check.finish();
        void repos.monitoring.importOf(m.sha256).then((sameFile) => {
          if (!check.current()) return;
          setProgress(null);
          setCheck({ fileName: file.name, check: { result: m.result, sha256: m.sha256, sameFile } });
        }, (e: unknown) => fail(String(e)));
      },
      fail,
    );
    w.postMessage({ bytes, fileName: file.name, context }, [bytes.buffer]);
  };
  const cancel = () => {
    checks.cancel();
    setProgress(null);
    setNotice({ intent: 'primary', text: '已取消校验，监测台账没有变化。' });
  };
  const commit = async () => {
    if (!check) return;
    try {
      const r = await repos.monitoring.commitImport(check.fileName, check.check);
      if (r.ok) {
        setNotice({ intent: 'primary', text: `已导入“${check.fileName}”：${r.value.imported} 条广告；${r.value.errorRows} 行有错误未导入。` });
        setCheck(null);
        onImported();
      } else setNotice({ intent: 'danger', text: r.errors.map((e) => e.message).join('；') });
    } catch (e) {
      setNotice({ intent: 'danger', text: e instanceof Error ? e.message : String(e) });
    }
  };
  const r = check?.check.result;
  return (
    <Card>
      <h3>导入监测结果</h3>
      <FileInput
        text={check?.fileName ?? '选择文件（.xlsx / .xls / .csv）'}
        buttonText="浏览"
        inputProps={{ accept: '.xlsx,.xls,.csv', 'aria-label': '选择广告监测文件' }}
        onInputChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          void pick(file);
        }}
        disabled={!can('clues.write') || progress !== null}
      />
      {progress && (
        <div data-testid="advert-import-progress" className="clue-import-progress">
          <p>{progress}</p>
          <ProgressBar intent="primary" />
          <Button text="取消" onClick={cancel} />
        </div>
      )}
      {notice && <Callout intent={notice.intent} data-testid="advert-notice">{notice.text}</Callout>}
      {check && r && (
        <div data-testid="advert-report">
          {r.fatal ? (
            <Callout intent="danger">{r.fatal.message}</Callout>
          ) : (
            <>
              {check.check.sameFile && (
                <Callout intent="warning" data-testid="advert-same-file">
                  这个文件（内容完全相同）已在 {check.check.sameFile.at.slice(0, 10)} 由 {check.check.sameFile.by} 导入过（“{check.check.sameFile.fileName}”，{check.check.sameFile.imported} 条）；已在台账中的广告不会重复导入。
                </Callout>
              )}
              <p>
                工作表 {r.sheetName}，表头第 {r.headerRow} 行；可导入 {r.adverts.length} 条，提示 {r.warningRows} 行，错误 {r.errorRows} 行（不导入），跳过 {r.skipped} 行。
              </p>
              <HTMLTable compact className="report-table">
                <tbody>
                  {r.rows
                    .filter((x) => x.status !== 'ok')
                    .slice(0, 200)
                    .map((x) => (
                      <tr key={x.row}>
                        <td>第 {x.row} 行</td>
                        <td><Tag minimal intent={x.status === 'error' ? 'danger' : 'warning'}>{x.status === 'error' ? '错误' : '提示'}</Tag></td>
                        <td>{x.message}</td>
                      </tr>
                    ))}
                </tbody>
              </HTMLTable>
              {r.errorRows + r.warningRows > 200 && <p className="muted">另有 {r.errorRows + r.warningRows - 200} 行提示或错误未列出：可用 npm run cli -- adverts check 文件 --json 取得全部。</p>}
              <Button intent="primary" text={`导入 ${r.adverts.length} 条有效广告`} disabled={r.adverts.length === 0} onClick={() => void commit()} />{' '}
              <Button text="取消" onClick={() => setCheck(null)} />
            </>
          )}
        </div>
      )}
    </Card>
  );
}

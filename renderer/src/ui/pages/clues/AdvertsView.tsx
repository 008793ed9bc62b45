import { Button, Callout, Card, Dialog, DialogBody, DialogFooter, FileInput, HTMLSelect, HTMLTable, InputGroup, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ADVERT_ACTION_KINDS, ADVERT_FINDINGS, type Advert, type AdvertInput, type FieldError } from '../../../core/clues';
import { localIsoDate } from '../../../core/common/iso-date';
import type { AdvertActionRow } from '../../../db/records';
import type { AdvertImportCheck } from '../../../db/repositories/monitoring-repository';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';

const EMPTY: AdvertInput = { medium: '', advertiser: '', advertiserCode: '', date: '', content: '', link: '', finding: '' };
const SHOWN = 500;

/** 广告监测: import a monitoring export (row report, re-import detected) or enter by hand; actions per advert or advertiser. */
export function AdvertsView() {
  const { repos, can } = useApp();
  const [adverts, setAdverts] = useState<Advert[] | null>(null);
  const [actions, setActions] = useState<AdvertActionRow[]>([]);
  const [check, setCheck] = useState<{ fileName: string; check: AdvertImportCheck } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [input, setInput] = useState<AdvertInput>({ ...EMPTY, date: localIsoDate(new Date()) });
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [text, setText] = useState('');
  const [target, setTarget] = useState<{ kind: 'advert' | 'advertiser'; id: string; label: string } | null>(null);
  const load = useCallback(async () => {
    const [a, b] = await Promise.all([repos.monitoring.adverts(), repos.monitoring.actions()]);
    setAdverts(a);
    setActions(b);
  }, [repos]);
  useEffect(() => {
    void load();
  }, [load]);
  const actionsByKey = useMemo(() => {
    const m = new Map<string, AdvertActionRow[]>();
    for (const a of actions) for (const k of [a.targetId, a.advertiserKey]) m.set(k, [...(m.get(k) ?? []), a]);
    return m;
  }, [actions]);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (adverts ?? []).filter((a) => needle === '' || `${a.advertiser} ${a.medium} ${a.content} ${a.finding}`.toLowerCase().includes(needle));
  }, [adverts, text]);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    setCheck({ fileName: file.name, check: await repos.monitoring.checkImport(bytes, file.name) });
  };
  const commit = async () => {
    if (!check) return;
    try {
      const r = await repos.monitoring.commitImport(check.fileName, check.check);
      if (r.ok) {
        setNotice(`已导入“${check.fileName}”：${r.value.imported} 条广告；${r.value.errorRows} 行有错误未导入。`);
        setCheck(null);
        await load();
      } else setNotice(r.errors.map((e) => e.message).join('；'));
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  };
  const add = async () => {
    try {
      const r = await repos.monitoring.addAdvert(input);
      if (r.ok) {
        setErrors([]);
        setInput({ ...EMPTY, date: input.date, medium: input.medium });
        await load();
      } else setErrors(r.errors);
    } catch (e) {
      setErrors([{ field: 'content', message: e instanceof Error ? e.message : String(e) }]);
    }
  };
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const r = check?.check.result;
  const advertisers = new Set((adverts ?? []).map((a) => a.advertiserKey)).size;
  const actedAdvertisers = (k: string) => new Set(actions.filter((a) => a.kind === k).map((a) => a.advertiserKey)).size;
  return (
    <div>
      <p data-testid="advert-summary">
        监测广告 {adverts?.length ?? '…'} 条，广告主 {advertisers} 个；约谈 {actedAdvertisers('约谈')}、警告 {actedAdvertisers('警告')}、责令停止发布 {actedAdvertisers('责令停止发布')}、移送公安 {actedAdvertisers('移送公安')} 个广告主
      </p>
      <div className="clue-columns">
        <Card>
          <h3>导入监测结果</h3>
          <FileInput text={check?.fileName ?? '选择文件（.xlsx / .xls / .csv）'} buttonText="浏览" inputProps={{ accept: '.xlsx,.xls,.csv', 'aria-label': '选择广告监测文件' }} onInputChange={(e) => void pick(e.currentTarget.files?.[0])} disabled={!can('clues.write')} />
          {notice && <Callout intent="primary" data-testid="advert-notice">{notice}</Callout>}
          {r && (
            <div data-testid="advert-report">
              {r.fatal ? (
                <Callout intent="danger">{r.fatal.message}</Callout>
              ) : (
                <>
                  {check.check.sameFile && <Callout intent="warning">这个文件（内容完全相同）已在 {check.check.sameFile.at.slice(0, 10)} 由 {check.check.sameFile.by} 导入过；已在台账中的广告不会重复导入。</Callout>}
                  <p>工作表 {r.sheetName}，表头第 {r.headerRow} 行；可导入 {r.adverts.length} 条，提示 {r.warningRows} 行，错误 {r.errorRows} 行（不导入），跳过 {r.skipped} 行。</p>
                  <HTMLTable compact className="report-table">
                    <tbody>
                      {r.rows.filter((x) => x.status !== 'ok').slice(0, 200).map((x) => (
                        <tr key={x.row}><td>第 {x.row} 行</td><td><Tag minimal intent={x.status === 'error' ? 'danger' : 'warning'}>{x.status === 'error' ? '错误' : '提示'}</Tag></td><td>{x.message}</td></tr>
                      ))}
                    </tbody>
                  </HTMLTable>
                  <Button intent="primary" text={`导入 ${r.adverts.length} 条有效广告`} disabled={r.adverts.length === 0} onClick={() => void commit()} />{' '}
                  <Button text="取消" onClick={() => setCheck(null)} />
                </>
              )}
            </div>
          )}
        </Card>
        <Card>
          <h3>手工登记</h3>
          {errors.length > 0 && <Callout intent="danger">{errors.map((e) => (<div key={e.field}>{e.message}</div>))}</Callout>}
          <div className="form-row" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <FieldRow label="发布媒介" labelFor="ad-medium" required error={err('medium')}><InputGroup id="ad-medium" value={input.medium} onValueChange={(medium) => setInput((i) => ({ ...i, medium }))} /></FieldRow>
            <FieldRow label="广告主" labelFor="ad-advertiser" required error={err('advertiser')}><InputGroup id="ad-advertiser" value={input.advertiser} onValueChange={(advertiser) => setInput((i) => ({ ...i, advertiser }))} /></FieldRow>
            <FieldRow label="统一社会信用代码" labelFor="ad-code" error={err('advertiserCode')}><InputGroup id="ad-code" value={input.advertiserCode} onValueChange={(advertiserCode) => setInput((i) => ({ ...i, advertiserCode }))} /></FieldRow>
            <FieldRow label="监测日期" labelFor="ad-date" required error={err('date')}><DateField id="ad-date" value={input.date} onValueChange={(date) => setInput((i) => ({ ...i, date }))} /></FieldRow>
          </div>
          <FieldRow label="广告内容" labelFor="ad-content" required error={err('content')}><InputGroup id="ad-content" value={input.content} onValueChange={(content) => setInput((i) => ({ ...i, content }))} /></FieldRow>
          <FieldRow label="链接" labelFor="ad-link" error={err('link')}><InputGroup id="ad-link" value={input.link} onValueChange={(link) => setInput((i) => ({ ...i, link }))} /></FieldRow>
          <FieldRow label="监测结论" labelFor="ad-finding">
            <HTMLSelect id="ad-finding" value={input.finding} onChange={(e) => { const finding = e.currentTarget.value; setInput((i) => ({ ...i, finding })); }}>
              <option value="">请选择</option>
              {ADVERT_FINDINGS.map((f) => (<option key={f} value={f}>{f}</option>))}
            </HTMLSelect>
          </FieldRow>
          <Button intent="primary" text="登记广告" disabled={!can('clues.write')} onClick={() => void add()} />
        </Card>
      </div>
      <div className="filter-bar" style={{ marginTop: 10 }}>
        <InputGroup leftIcon="search" placeholder="按广告主、媒介、内容搜索" aria-label="搜索广告" value={text} onValueChange={setText} className="filter-search" />
        <span className="muted">{rows.length > SHOWN ? `共 ${rows.length} 条，显示前 ${SHOWN} 条，请用搜索缩小范围` : `共 ${rows.length} 条`}</span>
      </div>
      <HTMLTable compact striped className="full-width" data-testid="advert-table">
        <thead><tr><th>监测日期</th><th>媒介</th><th>广告主</th><th>内容</th><th>结论</th><th>处置</th><th /></tr></thead>
        <tbody>
          {rows.slice(0, SHOWN).map((a) => (
            <tr key={a.id}>
              <td>{a.date}</td>
              <td>{a.medium}</td>
              <td>{a.advertiser}{a.advertiserCode && <div className="muted mono">{a.advertiserCode}</div>}</td>
              <td title={a.link ?? ''}>{a.content}</td>
              <td>{a.finding}</td>
              <td>{(actionsByKey.get(a.id) ?? []).concat((actionsByKey.get(a.advertiserKey) ?? []).filter((x) => x.target === 'advertiser')).map((x) => (<Tag key={x.id} minimal className="inline-tag" title={`${x.date} ${x.documentNo ?? ''} ${x.note}`}>{x.kind}{x.target === 'advertiser' ? '（广告主）' : ''}</Tag>))}</td>
              <td>
                <Button small minimal text="处置本条" disabled={!can('clues.write')} onClick={() => setTarget({ kind: 'advert', id: a.id, label: `${a.advertiser} ${a.date} 的广告` })} />
                <Button small minimal text="处置广告主" disabled={!can('clues.write')} onClick={() => setTarget({ kind: 'advertiser', id: a.advertiserKey, label: `广告主 ${a.advertiser}` })} />
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      {target && <ActionDialog target={target} onClose={() => setTarget(null)} onDone={() => { setTarget(null); void load(); }} />}
    </div>
  );
}

function ActionDialog({ target, onClose, onDone }: { target: { kind: 'advert' | 'advertiser'; id: string; label: string }; onClose: () => void; onDone: () => void }) {
  const { repos } = useApp();
  const [kind, setKind] = useState('');
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [documentNo, setDocumentNo] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const save = async () => {
    try {
      const r = await repos.monitoring.addAction(target.kind, target.id, { kind, date, documentNo, note });
      if (r.ok) onDone();
      else setErrors(r.errors);
    } catch (e) {
      setErrors([{ field: 'kind', message: e instanceof Error ? e.message : String(e) }]);
    }
  };
  return (
    <Dialog isOpen title={`处置：${target.label}`} onClose={onClose}>
      <DialogBody>
        {errors.length > 0 && <Callout intent="danger">{errors.map((e) => (<div key={e.field}>{e.message}</div>))}</Callout>}
        <FieldRow label="措施" labelFor="act-kind" required>
          <HTMLSelect id="act-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">请选择</option>
            {ADVERT_ACTION_KINDS.map((k) => (<option key={k} value={k}>{k}</option>))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label="日期" labelFor="act-date" required><DateField id="act-date" value={date} onValueChange={setDate} /></FieldRow>
        <FieldRow label="文书文号" labelFor="act-doc" hint="责令停止发布、移送公安须填写"><InputGroup id="act-doc" value={documentNo} onValueChange={setDocumentNo} /></FieldRow>
        <FieldRow label="说明" labelFor="act-note"><InputGroup id="act-note" value={note} onValueChange={setNote} /></FieldRow>
      </DialogBody>
      <DialogFooter actions={[<Button key="c" text="取消" onClick={onClose} />, <Button key="s" intent="primary" text="保存" onClick={() => void save()} />]} />
    </Dialog>
  );
}

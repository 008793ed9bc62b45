import { Button, Callout, Dialog, DialogBody, DialogFooter, HTMLSelect, HTMLTable, InputGroup, ProgressBar, Tag } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { type FieldError, type Firm, formatPermille, inScope, type ProgressLine, ROUND_KINDS, type RoundInput, roundProgress, type ScreeningRound } from '../../../core/screening';
import type { ScreeningData } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { DateField } from '../../components/DateField';
import { notify } from '../../toaster';
import { RecordDialog } from './ActionDialogs';
import { printCommitmentLetters } from './commitment-print';
import { Field, guarded, OtherErrors } from './form-bits';

/** Screening rounds with their progress; a round's page lists what is left to screen. */
export function RoundsTab(props: { readonly data: ScreeningData; readonly roundId: string | null; readonly onChanged: () => void; readonly navigate: (r: Route) => void }) {
  const { can } = useApp();
  const [creating, setCreating] = useState(false);
  const { data } = props;
  const round = props.roundId ? data.rounds.find((r) => r.id === props.roundId) : undefined;
  if (props.roundId && round) return <RoundView round={round} data={data} onChanged={props.onChanged} navigate={props.navigate} />;
  return (
    <div>
      <div className="screening-toolbar">
        <Button icon="add" intent="primary" text="新建排查轮次" disabled={!can('screening.write')} onClick={() => setCreating(true)} />
      </div>
      {props.roundId && <Callout intent="warning">该排查轮次已不存在，请从下表选择。</Callout>}
      {data.rounds.length === 0 ? (
        <p className="muted">还没有排查轮次。新建一轮（月度排查或专项排查），写明期间和范围，再逐家登记排查记录。</p>
      ) : (
        <HTMLTable compact striped interactive className="full-width" data-testid="rounds-table">
          <thead>
            <tr>
              <th>轮次</th>
              <th>类型</th>
              <th>期间</th>
              <th>范围</th>
              <th>进度（已排查/应排查）</th>
            </tr>
          </thead>
          <tbody>
            {data.rounds.map((r) => {
              const p = roundProgress(r, data.firms, data.records);
              return (
                <tr key={r.id} onClick={() => props.navigate({ area: 'screening', rest: ['rounds', r.id] })}>
                  <td>
                    <a href={`#/screening/rounds/${encodeURIComponent(r.id)}`}>{r.name}</a>
                  </td>
                  <td>{r.kind}</td>
                  <td>
                    {r.periodStart} 至 {r.periodEnd}
                  </td>
                  <td>{scopeText(r)}</td>
                  <td>
                    {p.screened}/{p.inScope}（{formatPermille(p.permille)}）
                  </td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
      {creating && (
        <RoundDialog
          districts={[...new Set(data.firms.map((f) => f.district).filter(Boolean))]}
          sectors={[...new Set(data.firms.map((f) => f.sector).filter(Boolean))]}
          onClose={() => setCreating(false)}
          onSaved={(r) => {
            setCreating(false);
            props.onChanged();
            props.navigate({ area: 'screening', rest: ['rounds', r.id] });
          }}
        />
      )}
    </div>
  );
}

function scopeText(r: ScreeningRound): string {
  const d = r.scope.districts.length ? r.scope.districts.join('、') : '全部区县';
  const s = r.scope.sectors.length ? r.scope.sectors.join('、') : '全部行业';
  return `${d}；${s}`;
}

function RoundDialog(props: { readonly districts: readonly string[]; readonly sectors: readonly string[]; readonly onClose: () => void; readonly onSaved: (r: ScreeningRound) => void }) {
  const { repos, settings } = useApp();
  const [input, setInput] = useState<RoundInput>({ name: '', kind: '月度排查', periodStart: '', periodEnd: '', districts: [], sectors: [] });
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const set = (patch: Partial<RoundInput>) => setInput((v) => ({ ...v, ...patch }));
  const districts = [...new Set([...settings.districts, ...props.districts])];
  const toggle = (list: readonly string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const save = async () => {
    const r = await guarded(() => repos.screening.createRound(input), (m) => setErrors([{ field: 'role', message: m }]));
    if (!r) return;
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    void notify(`已新建排查轮次：${r.value.name}`, 'success');
    props.onSaved(r.value);
  };
  return (
    <Dialog isOpen onClose={props.onClose} title="新建排查轮次" style={{ width: 640 }}>
      <DialogBody>
        <div data-testid="round-form">
          <OtherErrors errors={errors} fields={['name', 'kind', 'periodStart', 'periodEnd']} />
          <Field label="轮次名称" field="name" errors={errors} required>
            <InputGroup id="sc-name" value={input.name} onValueChange={(v) => set({ name: v })} placeholder="如：2026年11月月度排查" />
          </Field>
          <Field label="排查类型" field="kind" errors={errors} required>
            <HTMLSelect id="sc-kind" value={input.kind} onChange={(e) => set({ kind: e.currentTarget.value })} options={[...ROUND_KINDS]} />
          </Field>
          <div className="screening-form-grid">
            <Field label="开始日期" field="periodStart" errors={errors} required>
              <DateField id="sc-periodStart" value={input.periodStart} onValueChange={(v) => set({ periodStart: v })} />
            </Field>
            <Field label="结束日期" field="periodEnd" errors={errors} required>
              <DateField id="sc-periodEnd" value={input.periodEnd} onValueChange={(v) => set({ periodEnd: v })} />
            </Field>
          </div>
          <p>范围（不选即全部）：</p>
          <div>
            区县：
            {districts.map((d) => (
              <Tag key={d} className="tag-gap" interactive intent={input.districts.includes(d) ? 'primary' : 'none'} minimal={!input.districts.includes(d)} onClick={() => set({ districts: toggle(input.districts, d) })}>
                {d}
              </Tag>
            ))}
          </div>
          <div style={{ marginTop: 6 }}>
            行业：
            {props.sectors.map((d) => (
              <Tag key={d} className="tag-gap" interactive intent={input.sectors.includes(d) ? 'primary' : 'none'} minimal={!input.sectors.includes(d)} onClick={() => set({ sectors: toggle(input.sectors, d) })}>
                {d}
              </Tag>
            ))}
          </div>
        </div>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="取消" onClick={props.onClose} />
            <Button intent="primary" text="保存" onClick={() => void save()} />
          </>
        }
      />
    </Dialog>
  );
}

function ProgressTable(props: { readonly title: string; readonly lines: readonly ProgressLine[]; readonly testId: string }) {
  return (
    <HTMLTable compact striped className="full-width" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.title}</th>
          <th>应排查</th>
          <th>已排查</th>
          <th>比例</th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map((l) => (
          <tr key={l.key}>
            <td>{l.key}</td>
            <td>{l.inScope}</td>
            <td>{l.screened}</td>
            <td>{formatPermille(Math.round((l.screened * 1000) / l.inScope))}</td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}

function RoundView(props: { readonly round: ScreeningRound; readonly data: ScreeningData; readonly onChanged: () => void; readonly navigate: (r: Route) => void }) {
  const { can, bridge, settings } = useApp();
  const { round, data } = props;
  const [recording, setRecording] = useState<Firm | null>(null);
  const [showLeft, setShowLeft] = useState(false);
  const p = useMemo(() => roundProgress(round, data.firms, data.records), [round, data.firms, data.records]);
  const records = data.records.filter((r) => r.roundId === round.id);
  const firmName = new Map(data.firms.map((f) => [f.id, f.name]));
  return (
    <div data-testid="round-view">
      <header className="page-header">
        <Button minimal icon="arrow-left" text="轮次" onClick={() => props.navigate({ area: 'screening', rest: ['rounds'] })} />
        <h2>{round.name}</h2>
        <Tag minimal>{round.kind}</Tag>
        <span className="muted">
          {round.periodStart} 至 {round.periodEnd}；{scopeText(round)}
        </span>
      </header>
      <p data-testid="round-progress">
        已排查 <strong>{p.screened}</strong> 家 / 应排查 {p.inScope} 家（{formatPermille(p.permille)}）
      </p>
      <ProgressBar value={p.inScope === 0 ? 0 : p.screened / p.inScope} stripes={false} intent={p.screened === p.inScope && p.inScope > 0 ? 'success' : 'primary'} />
      <div className="screening-toolbar">
        <Button icon="list" text={`尚未排查的 ${p.notScreened.length} 家`} active={showLeft} onClick={() => setShowLeft((v) => !v)} data-testid="not-screened-button" />
        <Button
          icon="print"
          text="打印本轮承诺书（应排查企业）"
          onClick={() =>
            void printCommitmentLetters(
              data.firms.filter((f) => inScope(f, round.scope)),
              settings.officeName,
              bridge,
              round.name,
              settings.documentFontPreset,
            )
          }
        />
      </div>
      {showLeft && (
        <HTMLTable compact striped className="full-width" data-testid="not-screened">
          <thead>
            <tr>
              <th>企业名称</th>
              <th>区县</th>
              <th>责任部门</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {p.notScreened.map((f) => (
              <tr key={f.id}>
                <td>
                  <a href={`#/screening/firm/${encodeURIComponent(f.id)}`}>{f.name}</a>
                </td>
                <td>{f.district}</td>
                <td>{f.department}</td>
                <td>
                  <Button small icon="clipboard" text="登记排查记录" disabled={!can('screening.write')} onClick={() => setRecording(f)} />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <div className="progress-tables screening-section">
        <ProgressTable title="区县" lines={p.byDistrict} testId="progress-district" />
        <ProgressTable title="责任部门" lines={p.byDepartment} testId="progress-department" />
      </div>
      <section className="screening-section">
        <h3>本轮排查记录（{records.length}）</h3>
        <HTMLTable compact striped className="full-width" data-testid="round-records">
          <thead>
            <tr>
              <th>企业</th>
              <th>日期</th>
              <th>方式</th>
              <th>分类</th>
              <th>风险</th>
              <th>承诺书</th>
              <th>排查人员</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`#/screening/firm/${encodeURIComponent(r.firmId)}`}>{firmName.get(r.firmId) ?? '（已不在台账中）'}</a>
                </td>
                <td>{r.date}</td>
                <td>{r.method}</td>
                <td>{r.classification}</td>
                <td>{r.riskLevel}</td>
                <td>{r.commitmentSigned ? (r.commitmentScanId ? '已签（有扫描件）' : '已签') : '未签'}</td>
                <td>{r.inspectors.join('、')}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      </section>
      {recording && (
        <RecordDialog
          firm={recording}
          rounds={data.rounds}
          roundId={round.id}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            props.onChanged();
          }}
        />
      )}
    </div>
  );
}

import { Button, Callout, Card, Checkbox, HTMLSelect, HTMLTable, InputGroup, TextArea } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type FieldError, NOTICE_CHANNELS, RISK_NOTICE_TEMPLATE_ID, type RiskNotice, type RiskNoticeInput, riskNoticeData } from '../../../core/clues';
import { localIsoDate } from '../../../core/common/iso-date';
import type { DocumentData } from '../../../core/documents';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { NoticeDocumentDialog } from './NoticeDocumentDialog';

/** 风险提示: the notices of a year, and one more registered. */
export function NoticesView() {
  const { repos, can, settings } = useApp();
  const [printing, setPrinting] = useState<{ readonly id: string; readonly label: string; readonly data: DocumentData } | null>(null);
  const [printed, setPrinted] = useState<string | null>(null);
  const [notices, setNotices] = useState<RiskNotice[] | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const [input, setInput] = useState<RiskNoticeInput>({ date: localIsoDate(new Date()), sector: '', title: '', channels: [], text: '' });
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const load = useCallback(async () => setNotices(await repos.monitoring.riskNotices()), [repos]);
  useEffect(() => {
    void load();
  }, [load]);
  const years = useMemo(() => [...new Set([new Date().getFullYear(), ...(notices ?? []).map((n) => Number(n.date.slice(0, 4)))])].sort((a, b) => b - a), [notices]);
  const shown = (notices ?? []).filter((n) => n.date.startsWith(`${year}-`));
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const save = async () => {
    try {
      const r = await repos.monitoring.addRiskNotice(input);
      if (r.ok) {
        setErrors([]);
        setInput({ date: localIsoDate(new Date()), sector: '', title: '', channels: [], text: '' });
        await load();
      } else setErrors(r.errors);
    } catch (e) {
      setErrors([{ field: 'title', message: e instanceof Error ? e.message : String(e) }]);
    }
  };
  return (
    <div className="clue-columns">
      <div>
        <div className="filter-bar">
          <HTMLSelect aria-label="年度" value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {years.map((y) => (<option key={y} value={y}>{y} 年</option>))}
          </HTMLSelect>
          <span className="muted" data-testid="notice-count">{year} 年发布风险提示 {shown.length} 期</span>
        </div>
        <HTMLTable compact striped className="full-width">
          <thead><tr><th>发布日期</th><th>领域</th><th>标题</th><th>渠道</th><th /></tr></thead>
          <tbody>
            {shown.map((n) => (
              <tr key={n.id} title={n.text}><td>{n.date}</td><td>{n.sector}</td><td>{n.title}</td><td>{n.channels.join('、')}</td>
                <td><Button small minimal icon="document" text="生成文书" disabled={!can('documents.draft')} onClick={() => setPrinting({ id: n.id, label: `风险提示“${n.title}”`, data: riskNoticeData(n, { officeName: settings.officeName, operatorName: settings.operatorName, today: localIsoDate(new Date()) }) })} /></td></tr>
            ))}
          </tbody>
        </HTMLTable>
        {printed && <Callout intent="success" data-testid="notice-document-message">{printed}</Callout>}
        <NoticeDocumentDialog
          templateId={RISK_NOTICE_TEMPLATE_ID}
          initial={printing?.data ?? null}
          caseId={null}
          source={printing ? { kind: 'risk-notice', id: printing.id, label: printing.label } : null}
          formKey={`document:new:risk-notice:${printing?.id ?? ''}`}
          onClose={(m) => {
            setPrinting(null);
            setPrinted(m);
          }}
        />
      </div>
      <Card>
        <h3>登记风险提示</h3>
        {errors.length > 0 && <Callout intent="danger">{errors.map((e) => (<div key={e.field}>{e.message}</div>))}</Callout>}
        <FieldRow label="发布日期" labelFor="notice-date" required error={err('date')}>
          <DateField id="notice-date" value={input.date} onValueChange={(date) => setInput((i) => ({ ...i, date }))} />
        </FieldRow>
        <FieldRow label="涉及领域" labelFor="notice-sector" required error={err('sector')}>
          <InputGroup id="notice-sector" value={input.sector} onValueChange={(sector) => setInput((i) => ({ ...i, sector }))} />
        </FieldRow>
        <FieldRow label="标题" labelFor="notice-title" required error={err('title')}>
          <InputGroup id="notice-title" value={input.title} onValueChange={(title) => setInput((i) => ({ ...i, title }))} />
        </FieldRow>
        <FieldRow label="发布渠道" required error={err('channels')}>
          <div>
            {NOTICE_CHANNELS.map((c) => (
              <Checkbox key={c} inline label={c} checked={input.channels.includes(c)} onChange={(e) => { const on = e.currentTarget.checked; setInput((i) => ({ ...i, channels: on ? [...i.channels, c] : i.channels.filter((x) => x !== c) })); }} />
            ))}
          </div>
        </FieldRow>
        <FieldRow label="正文" labelFor="notice-text" required error={err('text')}>
          <TextArea id="notice-text" fill rows={5} value={input.text} onChange={(e) => { const text = e.currentTarget.value; setInput((i) => ({ ...i, text })); }} />
        </FieldRow>
        <Button intent="primary" text="登记" disabled={!can('clues.write')} onClick={() => void save()} />
      </Card>
    </div>
  );
}

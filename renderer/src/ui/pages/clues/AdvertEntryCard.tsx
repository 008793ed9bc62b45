import { Button, Callout, Card, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { ADVERT_FINDINGS, type AdvertInput, type FieldError } from '../../../core/clues';
import { localIsoDate } from '../../../core/common/iso-date';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';

const EMPTY: AdvertInput = { medium: '', advertiser: '', advertiserCode: '', date: '', content: '', link: '', finding: '' };

/** 手工登记: one advert typed by hand; medium and date stay for the next one. */
export function AdvertEntryCard({ onAdded }: { readonly onAdded: () => void }) {
  const { repos, can } = useApp();
  const [input, setInput] = useState<AdvertInput>({ ...EMPTY, date: localIsoDate(new Date()) });
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const add = async () => {
    try {
      const r = await repos.monitoring.addAdvert(input);
      if (r.ok) {
        setErrors([]);
        setInput({ ...EMPTY, date: input.date, medium: input.medium });
        onAdded();
      } else setErrors(r.errors);
    } catch (e) {
      setErrors([{ field: 'content', message: e instanceof Error ? e.message : String(e) }]);
    }
  };
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
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
  );
}

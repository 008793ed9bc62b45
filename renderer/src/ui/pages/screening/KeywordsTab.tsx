import { Button, Callout, HTMLTable, Tag, TextArea } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { createKeywordMatcher, type KeywordCheckRecord } from '../../../core/screening';
import type { ScreeningData } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';
import { guarded } from './form-bits';
import { Highlighted } from './Highlighted';

/**
 * The finance-keyword check on a pasted list (新设企业联合研判): names or business scopes, one per
 * line; matches are marked and the result is kept. The keyword list itself lives in 设置 (KeywordListEditor).
 */
export function KeywordsTab(props: { readonly data: ScreeningData; readonly keywords: readonly string[]; readonly onChanged: () => void }) {
  const { repos, can } = useApp();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ lines: readonly string[]; record: KeywordCheckRecord } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const matcher = useMemo(() => createKeywordMatcher(props.keywords), [props.keywords]);
  const check = async () => {
    setError(null);
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const r = await guarded(() => repos.screening.checkKeywordList(lines), setError);
    if (!r) return;
    if (!r.ok) {
      setError(r.errors[0]?.message ?? '');
      return;
    }
    setResult({ lines, record: r.value });
    props.onChanged();
  };
  const hitsByText = new Map(result?.record.hits.map((h) => [h.text, h.keywords]) ?? []);
  return (
    <div>
      <h3>名单核查</h3>
      <p className="muted">粘贴新设企业的名称或经营范围，每行一条，核查是否含涉金融关键字样（繁体、全角字符按同一字样识别；标点隔开的字不连成一个词）。</p>
      <TextArea aria-label="待核查名单" fill rows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder={'威海鑫源理财咨询有限公司\n威海海川商贸有限公司'} />
      <div className="screening-toolbar">
        <Button intent="primary" icon="search-text" text="核查" disabled={!can('screening.write')} onClick={() => void check()} />
        {error && <Callout intent="danger">{error}</Callout>}
      </div>
      {result && (
        <div data-testid="keyword-result">
          <p>
            共 {result.record.lines} 条，命中 <strong>{result.record.hits.length}</strong> 条（结果已记录）。
          </p>
          <HTMLTable compact striped className="full-width">
            <thead>
              <tr>
                <th>名称或经营范围</th>
                <th>命中的关键字样</th>
              </tr>
            </thead>
            <tbody>
              {result.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the pasted lines are positional and may repeat
                <tr key={i}>
                  <td>
                    <Highlighted text={line} matcher={matcher} />
                  </td>
                  <td>{(hitsByText.get(line) ?? []).length > 0 ? <Tag intent="danger">{hitsByText.get(line)?.join('、')}</Tag> : <span className="muted">未命中</span>}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
      )}
      {props.data.keywordChecks.length > 0 && (
        <section className="screening-section">
          <h3>核查记录</h3>
          <HTMLTable compact className="full-width">
            <tbody>
              {props.data.keywordChecks.slice(0, 20).map((c) => (
                <tr key={c.id}>
                  <td>{formatOfficeDateTime(c.at)}</td>
                  <td>{c.by}</td>
                  <td>
                    {c.lines} 条，命中 {c.hits.length} 条{c.hits.length > 0 ? `：${c.hits.slice(0, 5).map((h) => h.text).join('、')}${c.hits.length > 5 ? '……' : ''}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </section>
      )}
      <p className="muted" data-testid="keyword-list-note">
        核查使用的关键字样（{props.keywords.length} 个）：{props.keywords.join('、')}。关键字样在<a href="#/settings/keywords">“设置 → 涉金融关键字样”</a>中维护。
      </p>
    </div>
  );
}

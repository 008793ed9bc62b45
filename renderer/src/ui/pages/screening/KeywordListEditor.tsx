// 设置 → 涉金融关键字样: the office's one list of finance keywords (new firms, imports and pasted lists
// are all checked against it). A 管理员 edits it; every save is audited and its history shown here.
import { Button, Callout, TextArea } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../core/audit/audit-entry';
import type { FieldError } from '../../../core/screening';
import { KEYWORD_SETTINGS_SECTION } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';
import { AuditTable } from '../../components/AuditTable';
import { notify } from '../../toaster';
import { guarded } from './form-bits';

export function KeywordListEditor() {
  const { repos, can } = useApp();
  const [saved, setSaved] = useState<readonly string[] | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const admin = can('settings.office');
  const load = useCallback(async () => {
    const [list, entries] = await Promise.all([repos.screening.getKeywords(), repos.audit.forEntity('settings', KEYWORD_SETTINGS_SECTION)]);
    setSaved(list);
    setText(list.join('\n'));
    setHistory(entries);
  }, [repos]);
  useEffect(() => {
    void load();
  }, [load]);
  const save = async () => {
    const list = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const r = await guarded(() => repos.screening.saveKeywords(list), (m) => setErrors([{ field: 'role', message: m }]));
    if (!r) return;
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors([]);
    void notify(`涉金融关键字样已保存（${list.length} 个）`, 'success');
    await load();
  };
  if (saved === null) return null;
  return (
    <section data-testid="keyword-settings">
      <h3>涉金融关键字样（{saved.length} 个）</h3>
      <p className="muted">登记窗口核查的涉金融关键字样，每行一个。新增或导入排查对象、名单核查都按此列表核查（命令行 firms check、keywords check 用内置的 32 个）；繁体、全角写法自动识别，不必另列。{admin ? '' : '由管理员维护。'}</p>
      <TextArea aria-label="关键字样列表" rows={12} style={{ width: 320 }} value={text} readOnly={!admin} onChange={(e) => setText(e.currentTarget.value)} />
      {errors.length > 0 && (
        <Callout intent="danger" data-testid="keyword-errors">
          {errors.map((e) => (
            <p key={e.field + e.message}>{e.message}</p>
          ))}
        </Callout>
      )}
      {admin && (
        <div className="screening-toolbar">
          <Button intent="primary" text="保存关键字样" onClick={() => void save()} />
          <Button text="撤销修改" disabled={text === saved.join('\n')} onClick={() => setText(saved.join('\n'))} />
        </div>
      )}
      {history.length > 0 && (
        <>
          <h4>修改记录</h4>
          <AuditTable entries={history} perRecord />
        </>
      )}
    </section>
  );
}

import { Button, InputGroup } from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { buildLedgerLookup, type LedgerFirm, ledgerFirmFor, searchLedger } from '../../../core/clues';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';

/**
 * A firm subject picked from the screening ledger (排查台账): type part of the name or code, choose
 * one, and its name and 统一社会信用代码 fill the form. A firm typed by hand is shown linked when the
 * ledger holds it, or as a firm new to the ledger.
 */
export function LedgerFirmPicker(props: { readonly name: string; readonly creditCode: string; readonly onPick: (firm: LedgerFirm) => void }) {
  const { repos } = useApp();
  const [firms, setFirms] = useState<LedgerFirm[]>([]);
  const [text, setText] = useState('');
  useEffect(() => {
    repos.monitoring.ledgerFirms().then(setFirms, () => setFirms([]));
  }, [repos]);
  const lookup = useMemo(() => buildLedgerLookup(firms), [firms]);
  const found = useMemo(() => searchLedger(firms, text), [firms, text]);
  const linked = props.name.trim() ? ledgerFirmFor(lookup, { name: props.name, creditCode: props.creditCode.trim().toUpperCase() || null }) : null;
  return (
    <div className="clue-ledger-picker" data-testid="ledger-picker">
      <FieldRow label="从排查台账选择" labelFor="clue-ledger-search" hint={firms.length ? `台账中有 ${firms.length} 家企业：输入名称或信用代码的一部分` : '排查台账中还没有企业：请直接填写主体名称'}>
        <InputGroup id="clue-ledger-search" leftIcon="search" value={text} onValueChange={setText} disabled={firms.length === 0} />
      </FieldRow>
      {found.length > 0 && (
        <div className="clue-ledger-results">
          {found.map((f) => (
            <Button
              key={f.id}
              small
              minimal
              alignText="left"
              text={`${f.name}${f.creditCode ? `（${f.creditCode}）` : '（信用代码待补充）'}`}
              onClick={() => {
                props.onPick(f);
                setText('');
              }}
            />
          ))}
        </div>
      )}
      {props.name.trim() !== '' &&
        (linked ? (
          <p data-testid="ledger-link">
            已关联排查台账：<a href={`#/screening/firm/${encodeURIComponent(linked.id)}`}>{linked.name}</a>
          </p>
        ) : (
          <p className="muted" data-testid="ledger-link">排查台账中没有这家企业（新企业）：登记后可在“排查”中加入台账。</p>
        ))}
    </div>
  );
}

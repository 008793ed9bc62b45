import { Button } from '@blueprintjs/core';
import { useState } from 'react';
import type { CaseParty } from '../../../core/cases/case-file';
import { maskIdNumber } from '../../../core/identity';
import { useApp } from '../../app/app-context';

/**
 * A person's ID number is personal data: masked in the list, shown in full only on a deliberate
 * click, which is recorded in the audit log. A firm's credit code is public and shown as is.
 */
export function PartyIdCell(props: { readonly caseId: string; readonly party: CaseParty; readonly onRevealed: () => void }) {
  const { repos } = useApp();
  const { party } = props;
  const [revealed, setRevealed] = useState(false);
  if (!party.idNumber) return <span className="muted">—</span>;
  if (party.kind === 'firm' || revealed) return <span className="mono">{party.idNumber}</span>;
  return (
    <span className="mono">
      {maskIdNumber(party.idNumber)}{' '}
      <Button
        small
        minimal
        icon="eye-open"
        aria-label={`显示 ${party.name} 的完整证件号码`}
        onClick={async () => {
          await repos.cases.recordReveal(props.caseId, party);
          setRevealed(true);
          props.onRevealed();
        }}
      />
    </span>
  );
}

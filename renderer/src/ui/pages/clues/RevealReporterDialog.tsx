import { Button, Callout, Dialog, DialogBody, DialogFooter, InputGroup, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import { checkRevealPurpose, REVEAL_PURPOSES } from '../../../core/clues/reveal-purpose';
import type { ClueReporter } from '../../../core/clues/types';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';

/**
 * Showing a whistleblower in full asks why first: the purpose goes into the audit entry of the
 * reveal (the audit log shows it as 用途), and nothing is shown without one.
 */
export function RevealReporterDialog(props: { readonly clueId: string; readonly clueNo: string; readonly onClose: () => void; readonly onRevealed: (r: ClueReporter | null) => void }) {
  const { repos } = useApp();
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    const refused = checkRevealPurpose(purpose);
    setError(refused);
    if (refused) return;
    setBusy(true);
    try {
      props.onRevealed(await repos.clues.revealReporter(props.clueId, purpose));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen title={`查看举报人完整信息（${props.clueNo}）`} onClose={props.onClose}>
      <DialogBody>
        <p>举报人的身份依法保密。每次查看都记入审计日志，写明查看人、时间和用途。</p>
        {failure && (
          <Callout intent="danger" data-testid="reveal-failure">
            {failure}
          </Callout>
        )}
        <FieldRow label="查看用途" labelFor="reveal-purpose" required error={error ?? undefined} hint="可点下面的常用用途，或自己填写。">
          <InputGroup
            id="reveal-purpose"
            value={purpose}
            autoFocus
            onValueChange={(v) => {
              setPurpose(v);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void reveal();
            }}
          />
        </FieldRow>
        <div className="clue-steps">
          {REVEAL_PURPOSES.map((p) => (
            <Tag
              key={p}
              minimal
              interactive
              onClick={() => {
                setPurpose(p);
                setError(null);
              }}
            >
              {p}
            </Tag>
          ))}
        </div>
      </DialogBody>
      <DialogFooter actions={[<Button key="c" text="取消" onClick={props.onClose} />, <Button key="s" intent="primary" icon="eye-open" text="查看并记录" loading={busy} onClick={() => void reveal()} />]} />
    </Dialog>
  );
}

import { Button, Callout, Classes, Dialog, HTMLTable, InputGroup, Tag, TextArea } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentTemplate } from '../../../core/documents';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import { kindLabel, type WordingItem, withWording, wordingOf } from './template-wording';

/** Built-in templates and the user's copies: duplicate a built-in, change a copy's wording. */
export function TemplatesPanel() {
  const { t } = useTranslation('documents');
  const { repos } = useApp();
  const [templates, setTemplates] = useState<DocumentTemplate[]>([]);
  const [copying, setCopying] = useState<DocumentTemplate | null>(null);
  const [editing, setEditing] = useState<DocumentTemplate | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(async () => setTemplates(await repos.documents.templates.all()), [repos]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (x: DocumentTemplate) => {
    const r = await repos.documents.templates.remove(x.id);
    setFailure(r.ok ? null : r.message);
    await load();
  };

  return (
    <>
      {failure && <Callout intent="danger">{failure}</Callout>}
      <HTMLTable compact striped data-testid="templates-table">
        <tbody>
          {templates.map((x) => (
            <tr key={x.id}>
              <td>{x.name}</td>
              <td>
                <Tag minimal intent={x.basedOn ? 'primary' : 'none'}>
                  {x.basedOn ? t('userCopy') : t('builtin')}
                </Tag>
              </td>
              <td>
                <Button small text={t('duplicate')} aria-label={`${t('duplicate')}：${x.name}`} onClick={() => setCopying(x)} />{' '}
                {x.basedOn && (
                  <>
                    <Button small text={t('editWording')} aria-label={`${t('editWording')}：${x.name}`} onClick={() => setEditing(x)} />{' '}
                    <Button small minimal intent="danger" text={t('deleteCopy')} onClick={() => void remove(x)} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      {copying && <CopyDialog source={copying} onClose={() => setCopying(null)} onSaved={load} />}
      {editing && <WordingDialog template={editing} onClose={() => setEditing(null)} onSaved={load} />}
    </>
  );
}

function CopyDialog(props: { readonly source: DocumentTemplate; readonly onClose: () => void; readonly onSaved: () => Promise<void> }) {
  const { t } = useTranslation('documents');
  const { repos } = useApp();
  const [name, setName] = useState(`${props.source.name}（本单位）`);
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    const r = await repos.documents.templates.duplicate(props.source.id, name);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    await props.onSaved();
    props.onClose();
  };
  return (
    <Dialog isOpen onClose={props.onClose} title={t('duplicate')}>
      <div className={Classes.DIALOG_BODY}>
        <FieldRow label={t('copyName')} labelFor="doc-copy-name" error={error} required>
          <InputGroup id="doc-copy-name" value={name} onChange={(e) => setName(e.target.value)} />
        </FieldRow>
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('cancel')} onClick={props.onClose} />
          <Button intent="primary" text={t('save')} onClick={() => void save()} />
        </div>
      </div>
    </Dialog>
  );
}

function WordingDialog(props: { readonly template: DocumentTemplate; readonly onClose: () => void; readonly onSaved: () => Promise<void> }) {
  const { t } = useTranslation('documents');
  const { repos } = useApp();
  const [name, setName] = useState(props.template.name);
  const [blocks, setBlocks] = useState(props.template.blocks);
  const [error, setError] = useState<string | null>(null);
  const items = wordingOf(blocks);
  const change = (item: WordingItem, text: string) => setBlocks((old) => withWording(old, item, text));
  const fields = props.template.fields.map((f) => `{${f.key}} ${f.label}`).join('；');
  const save = async () => {
    const r = await repos.documents.templates.update(props.template.id, { ...props.template, name, blocks });
    if (!r.ok) {
      setError(r.message);
      return;
    }
    await props.onSaved();
    props.onClose();
  };
  return (
    <Dialog isOpen onClose={props.onClose} title={`${t('editWording')}：${props.template.name}`} style={{ width: 820 }}>
      <div className={`${Classes.DIALOG_BODY} documents-wording`} data-testid="wording-dialog">
        {error && (
          <Callout intent="danger" className="documents-callout" data-testid="wording-error">
            {error}
          </Callout>
        )}
        <FieldRow label="模板名称" labelFor="doc-wording-name" required>
          <InputGroup id="doc-wording-name" value={name} onChange={(e) => setName(e.target.value)} />
        </FieldRow>
        <p className="bp6-text-muted">可用的字段（花括号原样保留）：{fields}</p>
        {items.map((item, i) => (
          <FieldRow key={`${item.path.join('.')}-${item.prop}`} label={`${i + 1}. ${kindLabel(item)}`} labelFor={`doc-wording-${i}`}>
            <TextArea id={`doc-wording-${i}`} rows={item.kind === 'paragraph' ? 3 : 1} value={item.text} onChange={(e) => change(item, e.target.value)} />
          </FieldRow>
        ))}
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('cancel')} onClick={props.onClose} />
          <Button intent="primary" text={t('save')} onClick={() => void save()} />
        </div>
      </div>
    </Dialog>
  );
}

// The petition form's creditor picker off the UI thread (issue 17): the case's register is read a
// few blocks at a time into the five text columns the picker matches and shows (cid, name, its
// search key, ID, phone: RegisterTexts; amounts and codes are not built), none of it on the page,
// and each search answers with the number found and the first few, ID numbers masked.

import { entryOf, type RegisterTexts, RegisterTextsBuilder } from '../core/creditors/columnar-register';
import { pickCreditors } from '../core/creditors/creditor-pick';
import { maskIdNumber } from '../core/identity';
import { WorkstationDb } from '../db/database';
import { createRepositories } from '../db/repositories';
import type { FromCreditorSearch, ToCreditorSearch } from './creditor-search-protocol';

let register: Promise<RegisterTexts> | null = null;

const post = (m: FromCreditorSearch) => self.postMessage(m);
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

self.addEventListener('message', (event: MessageEvent<ToCreditorSearch>) => {
  const m = event.data;
  if (m.type === 'open') {
    register = load(m.caseId);
    register.then(
      (r) => post({ type: 'ready', count: r.count }),
      (err: unknown) => post({ type: 'failed', message: `读取集资参与人名单失败：${messageOf(err)}。请关闭后重新打开。` }),
    );
    return;
  }
  void register?.then((r) => {
    const hits = pickCreditors(r, m.text, m.taken, m.limit);
    const rows = hits.indices.map((i) => ({ cid: entryOf(r.cids, i), name: entryOf(r.names, i), idMasked: maskIdNumber(entryOf(r.idNumbers, i)) }));
    post({ type: 'found', id: m.id, total: hits.total, rows });
  });
});

async function load(caseId: string): Promise<RegisterTexts> {
  const db = new WorkstationDb();
  try {
    const repos = createRepositories(db);
    const total = (await repos.creditors.summary(caseId))?.count ?? 0;
    const builder = new RegisterTextsBuilder(total);
    let read = 0;
    await repos.creditors.scanCase(caseId, (creditors) => {
      builder.add(creditors);
      read += creditors.length;
      post({ type: 'progress', read, total: Math.max(read, total) });
    });
    return builder.finish();
  } finally {
    db.close();
  }
}

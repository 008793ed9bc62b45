// Repayment work off the UI thread (see repayment-protocol.ts): its own connection to the database;
// requests run one after another, in the order the pages sent them.
import { WorkstationDb } from '../db/database';
import { createRepositories, type Repositories } from '../db/repositories';
import type { ToRepaymentWorker } from './repayment-protocol';
import { handleRepaymentMessage } from './repayment-tasks';

let repos: Repositories | null = null;
let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<ToRepaymentWorker>) => {
  repos ??= createRepositories(new WorkstationDb());
  const r = repos;
  queue = queue.then(() => handleRepaymentMessage(r, event.data, (m, transfer) => self.postMessage(m, { transfer })));
});

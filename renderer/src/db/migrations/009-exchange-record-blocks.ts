import type { SingleExchangeRecordRow } from '../../core/exchange/record-blocks';
import { encodeRecordBlock, packIntoBlocks } from '../../core/exchange/record-blocks';
import type { Migration } from './migration';

// Received 报送 records packed up to 1,000 to a row (issue 16): version 6 stored one IndexedDB row per
// record, and a district's year (22,500 records) took seconds to write because IndexedDB costs per
// row. exchangeRecordBlocks holds one office's records of one kind per row, `${office}|${kind}|${seq}`;
// the rows of exchangeRecords are moved into it (the records of a block as one JSON text) and that
// table is dropped.
export const migration009ExchangeRecordBlocks: Migration = {
  version: 9,
  name: 'exchange-record-blocks',
  stores: {
    exchangeRecords: null,
    exchangeRecordBlocks: 'id, office, kind, [office+kind]',
  },
  upgrade: async (tx) => {
    const rows = (await tx.table('exchangeRecords').toArray()) as SingleExchangeRecordRow[];
    const blocks = packIntoBlocks(rows).map(encodeRecordBlock);
    if (blocks.length > 0) await tx.table('exchangeRecordBlocks').bulkAdd(blocks);
  },
};

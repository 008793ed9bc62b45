// Wording of the store-lost screen and the database-closed notice (namespace 'storage', issue 12).
import { registerMessages } from '../../i18n/register-messages';

const zhCN = {
  lost: {
    titleDropped: '浏览器删除了本程序的数据库',
    titleEmptied: '数据库是空的，但这台电脑上曾有数据',
    dropped: '浏览器报告本程序的数据库已损坏并被删除{{detail}}。这通常发生在磁盘写满、数据写入失败的时候。',
    droppedDetail: '（浏览器说明：{{message}}）',
    emptied: '{{at}} 最后记录时，数据库中有：{{contents}}。现在数据库是空的。最常见的原因是磁盘写满时浏览器删除了数据库。',
    lastBackup: '最近一次备份：{{at}}，文件“{{file}}”，其中有：{{contents}}。',
    noBackupRecorded: '没有记录到备份。',
    freeFirst: '恢复之前请先清理磁盘（清空回收站、删除或移走不需要的大文件），确保有足够的剩余空间。',
    restoreNewest: '从最新的自动备份恢复（{{file}}，{{at}}）',
    noAutomatic: '自动备份文件夹中没有备份。',
    chooseFile: '选择备份文件恢复…',
    browserNote:
      '浏览器模式没有自动备份：只能用您保存的备份文件（.cfbak）恢复{{hint}}。请在“下载”文件夹或您存放备份的位置找到它。今后请定期“备份到文件”，并把备份文件存放在浏览器之外的安全位置（另一台电脑或移动硬盘）。',
    browserHint: '，最近一次是 {{at}} 保存的“{{file}}”',
    continueEmpty: '不恢复，使用空数据库',
    confirmEmpty: '确定不恢复吗？之前的数据将不能在本程序中找回，以后也不再提示。',
    confirmYes: '确定，使用空数据库',
    confirmNo: '返回',
  },
  closed: {
    title: '数据库已被浏览器关闭',
    text: '浏览器关闭了本程序的数据库连接，通常是因为磁盘已满或磁盘出错。之后的修改无法保存。请先清理磁盘，然后关闭并重新打开本程序；重新打开时会检查数据是否完好。',
  },
};

const en = {
  lost: {
    titleDropped: 'The browser deleted the database of this app',
    titleEmptied: 'The database is empty, but this PC held data',
    dropped: 'The browser reports that the database was damaged and deleted{{detail}}. This usually happens when the disk is full and a write fails.',
    droppedDetail: ' (browser: {{message}})',
    emptied: 'When last opened ({{at}}) the database held: {{contents}}. It is empty now, most often because the browser deleted it when the disk was full.',
    lastBackup: 'Last backup: {{at}}, file "{{file}}", holding: {{contents}}.',
    noBackupRecorded: 'No backup was recorded.',
    freeFirst: 'Free disk space before restoring (empty the recycle bin, delete or move large files you do not need).',
    restoreNewest: 'Restore the newest automatic backup ({{file}}, {{at}})',
    noAutomatic: 'There is no automatic backup.',
    chooseFile: 'Restore from a backup file…',
    browserNote:
      'Browser mode keeps no automatic backups: only a backup file you saved (.cfbak) can restore the data{{hint}}. Look in Downloads or where you keep backups. From now on back up to a file regularly and keep it outside the browser.',
    browserHint: '; the last one was "{{file}}", saved {{at}}',
    continueEmpty: 'Do not restore; use an empty database',
    confirmEmpty: 'Really not restore? The earlier data cannot be found in this app afterwards, and this warning will not be shown again.',
    confirmYes: 'Yes, use an empty database',
    confirmNo: 'Back',
  },
  closed: {
    title: 'The browser closed the database',
    text: 'The browser closed the connection to the database, usually because the disk is full or failing. Changes can no longer be saved. Free disk space, then close and reopen the app; it checks the data when it starts.',
  },
};

registerMessages('storage', zhCN, en);

import type { Messages } from './zh-CN';

// The second language, for reviewers and maintainers who do not read Chinese.
export const en: Messages = {
  app: { title: 'Disposal Workstation', subtitle: 'Illegal fundraising disposal', officeUnset: 'Office not set' },
  nav: { cases: 'Cases', creditors: 'Creditors', repayment: 'Repayment', petitions: 'Petitions', documents: 'Documents', screening: 'Screening', clues: 'Clues & monitoring', exchange: 'Reporting', dashboard: 'Statistics', settings: 'Settings' },
  common: {
    save: 'Save', cancel: 'Cancel', edit: 'Edit', back: 'Back', add: 'Add', remove: 'Remove', search: 'Search', all: 'All', none: 'None',
    loading: 'Loading…', saved: 'Saved', fixErrors: '{{count}} field(s) need fixing; they are marked and nothing you typed was lost.', yuan: 'yuan',
    dateHint: 'e.g. 2020-12-01, or 2020年12月1日',
  },
  cases: {
    list: 'Cases', new: 'New case', edit: 'Edit case', count: '{{count}} cases', empty: 'No cases yet. Click "New case" to register one.',
    noMatch: 'No case matches.', searchPlaceholder: 'Search by case number, title, party name, credit code or ID number', filterStage: 'Stage', filterDistrict: 'District',
    filterSector: 'Sector', filterYear: 'Year filed', backlogOnly: 'Backlog only', backlogTag: 'Backlog', caseNumber: 'Case number', title: 'Title',
    charge: 'Charge', sector: 'Sector', district: 'District', leadUnit: 'Lead unit', officers: 'Officers', officersHint: 'Separate names with commas',
    amountInvolved: 'Amount involved (yuan)', amountHint: '1,234.50, 5万 or ￥3,000', peopleInvolved: 'People involved', lossesRecovered: 'Losses recovered (yuan)',
    filedDate: 'Filed on', stage: 'Stage', stageDate: 'Stage date', parties: 'Parties', addFirm: 'Add firm', addPerson: 'Add person',
    partyName: 'Name', partyRole: 'Role', partyIdFirm: 'Unified social credit code', partyIdPerson: 'ID number', partyNote: 'Note', firm: 'Firm',
    person: 'Person', noParties: 'No parties yet.', stageHistory: 'Stage history', changeStage: 'Change stage', newStage: 'New stage',
    stageNote: 'Note', stageChanged: 'Stage changed to "{{stage}}"', created: 'Case registered', updated: 'Case saved', history: 'Audit trail',
    notFound: 'Case not found; it may have been removed or an older backup restored.', select: 'Choose',
  },
  settings: {
    title: 'Settings', office: 'Office', users: 'Users and roles', fonts: 'Document fonts', exchange: 'Reporting and keys', officeName: 'Issuing authority',
    districts: 'Districts (one per line)', backlogCutoff: 'Backlog cutoff', backlogHint: 'Cases filed on or before this date are backlog cases', campaignStart: 'Campaign start date', campaignHint: 'The backlog reduction rate counts from this date; may be empty',
    prefixes: 'Document number prefixes', prefixHint: 'Numbers look like 威处非询〔2020〕12号; enter only 威处非询', fontPreset: 'Document fonts',
    officeNameMissing: 'The issuing authority is not set: every document and mediation agreement needs it. Fill it in and save.',
    petitionNumber: 'Petition number', petitionPrefix: 'Petition number prefix', nextNumber: 'Next this year: {{number}} (by year of receipt, never reused)',
    fontOfficial: 'Official fonts', fontStock: 'Stock Windows fonts', storage: 'Storage', keywords: 'Finance keywords', persisted: 'Storage is persistent',
    notPersisted: 'Storage is not persistent: back up regularly', persistUnknown: 'Persistence unknown', appInfo: 'About', audit: 'Audit log',
  },
  audit: {
    verify: 'Verify audit chain', verifyOk: 'Audit chain intact: {{count}} entries verified.',
    verifyOkMore: 'Its head matches the anchor kept outside the database; {{records}} records and {{creditors}} creditors match the audit log.',
    verifyProblems: 'The audit check found {{count}} problems:',
    verifyHint: 'Stop changing data: ask an administrator, and restore from a backup under Backup and restore.', seq: '#', logSeq: 'Log no.', at: 'Time', operator: 'Operator',
    action: 'Action', entity: 'Entity', detail: 'Detail', empty: 'No audit entries yet.', total: '{{count}} entries',
    details: 'Details', field: 'Field', before: 'Before', after: 'After', reveal: 'Show personal data in full (audited)',
    revealed: 'Personal data shown in full; this view is in the audit log.',
    typedHint: 'Written before users signed in: the operator name was typed in settings, not verified by a sign-in.',
    systemHint: 'Recorded by the app while nobody was signed in.',
  },
  notBuilt: { title: '"{{area}}" is not built yet', body: 'This area is still being developed and holds no data yet. It will offer: {{plan}}' },
  startup: {
    inUse: 'The workstation is already open in another window. Close this one and use the open window.',
    failed: 'The local database could not be opened: {{message}}. Do not clear browser data; contact support with your latest backup.',
  },
};

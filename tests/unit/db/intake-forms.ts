// The clue and petition forms the repository tests register (a firm's clue with a named reporter, a
// petition by one person), each test changing only what it is about.
import type { ClueFormInput } from '../../../renderer/src/core/clues';
import type { PetitionFormInput } from '../../../renderer/src/core/petitions/validation';

export function clueForm(patch: Partial<ClueFormInput> = {}): ClueFormInput {
  return {
    receivedOn: '2026-11-02',
    channel: '热线',
    subject: { kind: 'firm', name: '威海某某养老服务有限公司', creditCode: '91371000MA3C5XKP64', link: '' },
    allegation: '以预售养老床位名义承诺高额返利',
    level: '高',
    levelReason: '仍在吸收资金',
    anonymous: false,
    reporter: { name: '王秀兰', phone: '13806311234', idNumber: '', address: '', isStaff: false, isParticipant: false },
    ...patch,
  };
}

export function petitionForm(patch: Partial<PetitionFormInput> = {}): PetitionFormInput {
  return {
    receivedOn: '2026-10-09',
    channel: '来访',
    level: '到市',
    form: 'individual',
    personCount: '1',
    petitioners: [{ kind: 'entered', name: '张建国', phone: '13800001111', idNumber: '371002198001011234' }],
    caseId: null,
    demands: '要求尽快清退本金',
    urgency: '一般',
    handler: '林淼',
    ...patch,
  };
}

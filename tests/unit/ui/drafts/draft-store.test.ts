import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint, purgeOldDrafts, readDraft, removeDraft, setDraftOwner, writeDraft } from '../../../../renderer/src/ui/drafts/draft-store';
import { answerLeave, leaveOrAsk, pendingLeave } from '../../../../renderer/src/ui/drafts/navigation-guard';
import { hasUnsavedForms, markClean, markDirty } from '../../../../renderer/src/ui/drafts/unsaved-registry';

/** The window's localStorage, as Chromium gives it, with a quota to run into. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const draft = (savedAt: string, value: unknown = { title: '某某案' }) => ({ v: 1 as const, label: '新建案件', savedAt, baseline: fingerprint({ title: '' }), value });

describe('form drafts', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('are kept, read back and removed by form key', () => {
    expect(writeDraft('case:new', draft('2026-11-26T01:00:00Z'))).toBe(true);
    expect(readDraft('case:new')?.value).toEqual({ title: '某某案' });
    expect(readDraft('case:edit:x')).toBeNull();
    removeDraft('case:new');
    expect(readDraft('case:new')).toBeNull();
  });

  it('say when they could not be kept (storage full)', () => {
    Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(100), configurable: true });
    expect(writeDraft('case:new', draft('2026-11-26T01:00:00Z', { note: '某'.repeat(500) }))).toBe(false);
  });

  it('expire after 30 days, and unreadable entries go too; other keys are left alone', () => {
    writeDraft('old', draft('2026-10-01T00:00:00Z'));
    writeDraft('recent', draft('2026-11-20T00:00:00Z'));
    localStorage.setItem('chufei-workstation:draft:broken', '{not json');
    localStorage.setItem('chufei-workstation:ui-language', 'zh-CN');
    expect(purgeOldDrafts(new Date('2026-11-26T00:00:00Z'))).toBe(2);
    expect(readDraft('recent')).not.toBeNull();
    expect(readDraft('old')).toBeNull();
    expect(localStorage.getItem('chufei-workstation:ui-language')).toBe('zh-CN');
  });

  it('belong to the user who typed them: after 切换用户 the other person sees none of them', () => {
    setDraftOwner('user-zhou');
    writeDraft('case:new', draft('2026-11-26T01:00:00Z', { caseNumber: '威公经立〔2021〕1号' }));
    setDraftOwner('user-lin');
    expect(readDraft('case:new')).toBeNull();
    removeDraft('case:new');
    setDraftOwner('user-zhou');
    expect(readDraft('case:new')?.value).toEqual({ caseNumber: '威公经立〔2021〕1号' });
    // Expiry reaches every user's drafts, whoever is signed in.
    setDraftOwner('user-lin');
    expect(purgeOldDrafts(new Date('2027-01-30T00:00:00Z'))).toBe(1);
    setDraftOwner('user-zhou');
    expect(readDraft('case:new')).toBeNull();
    setDraftOwner(null);
  });

  it('compare forms by content, whatever the order of their fields', () => {
    expect(fingerprint({ a: '1', b: ['x'] })).toBe(fingerprint({ b: ['x'], a: '1' }));
  });
});

describe('leaving a page with unsaved changes', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true });
  });

  it('goes at once when nothing is unsaved', () => {
    let went = 0;
    leaveOrAsk(() => went++);
    expect(went).toBe(1);
    expect(pendingLeave()).toBeNull();
  });

  it('waits for an answer: stay keeps everything, leave keeps the draft, discard removes it', () => {
    writeDraft('case:new', draft('2026-11-26T01:00:00Z'));
    let went = 0;
    markDirty('case:new', '新建案件');
    leaveOrAsk(() => went++);
    expect(pendingLeave()?.forms).toEqual(['新建案件']);
    answerLeave('stay');
    expect([went, hasUnsavedForms(), pendingLeave()]).toEqual([0, true, null]);

    leaveOrAsk(() => went++);
    answerLeave('leave');
    expect([went, hasUnsavedForms()]).toEqual([1, false]);
    expect(readDraft('case:new')).not.toBeNull();

    markDirty('case:new', '新建案件');
    leaveOrAsk(() => went++);
    answerLeave('discard');
    expect([went, hasUnsavedForms()]).toEqual([2, false]);
    expect(readDraft('case:new')).toBeNull();
    markClean('case:new');
  });
});

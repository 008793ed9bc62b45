// Blueprint writes a few accessibility labels in English with no prop to change them (the close
// button of every Dialog and Toast, Spinner's "loading", a Tag's remove button, Select's option
// list, NumericInput's arrows). Screen readers and tooltips then speak English in a Chinese app.
// Wrapping each component would touch every area and still miss toasts, so the page's labels are
// translated where Blueprint puts them, as they appear.

export const BLUEPRINT_LABELS_ZH: Readonly<Record<string, string>> = {
  // A dialog's × (its footer often has a "关闭" button of its own); a toast's × is labelled apart.
  Close: '关闭对话框',
  loading: '正在加载',
  'Remove tag': '删除标签',
  'selectable options': '可选项',
  'Clear selected items': '清除已选项',
  'Clear filter query': '清除筛选条件',
  increment: '增加',
  decrement: '减少',
  Back: '返回',
  steps: '步骤',
  'collapsed breadcrumbs': '折叠的路径',
};

const SELECTOR = Object.keys(BLUEPRINT_LABELS_ZH)
  .map((label) => `[aria-label="${label}"]`)
  .join(',');

function translate(el: Element): void {
  const label = el.getAttribute('aria-label') ?? '';
  const zh = label === 'Close' && el.closest('.bp6-toast') ? '关闭提示' : BLUEPRINT_LABELS_ZH[label];
  if (zh) el.setAttribute('aria-label', zh);
}

function translateIn(root: Element): void {
  if (root.matches(SELECTOR)) translate(root);
  for (const el of root.querySelectorAll(SELECTOR)) translate(el);
}

/** Translates Blueprint's English labels now and whenever new elements appear; returns a stop function. */
export function localizeBlueprintLabels(root: Element = document.body): () => void {
  translateIn(root);
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes' && m.target instanceof Element) translate(m.target);
      for (const node of m.addedNodes) if (node instanceof Element) translateIn(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}

// Blueprint writes a few accessibility labels in English with no prop to change them (the close
// button of every Dialog and Toast, Spinner's "loading", a Tag's remove button, Select's option
// list, NumericInput's arrows). Screen readers and tooltips then speak English in a Chinese app.
// Wrapping each component would touch every area and still miss toasts, so the page's labels are
// translated where Blueprint puts them, as they appear.

export const BLUEPRINT_LABELS_ZH: Readonly<Record<string, string>> = {
  Close: '关闭',
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

function translateIn(root: ParentNode): void {
  for (const el of root.querySelectorAll(SELECTOR)) {
    const zh = BLUEPRINT_LABELS_ZH[el.getAttribute('aria-label') ?? ''];
    if (zh) el.setAttribute('aria-label', zh);
  }
}

/** Translates Blueprint's English labels now and whenever new elements appear; returns a stop function. */
export function localizeBlueprintLabels(root: HTMLElement = document.body): () => void {
  translateIn(root);
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes' && m.target instanceof Element) {
        const zh = BLUEPRINT_LABELS_ZH[m.target.getAttribute('aria-label') ?? ''];
        if (zh) m.target.setAttribute('aria-label', zh);
      }
      for (const node of m.addedNodes) {
        if (node instanceof Element) {
          const zh = BLUEPRINT_LABELS_ZH[node.getAttribute('aria-label') ?? ''];
          if (zh) node.setAttribute('aria-label', zh);
          translateIn(node);
        }
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}

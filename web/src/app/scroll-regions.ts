/** Where antd's tables scroll sideways (a table wider than the screen, e.g. on a phone). */
const TABLE_SCROLLER = '.ant-table-content';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';
/** Marks a region this module made focusable, so it can be undone when the table fits again. */
const MARK = 'data-scroll-region';

/**
 * Whether a scrolling area must be reachable by the keyboard itself: it scrolls sideways and holds
 * nothing to focus (an empty table's header on a phone), so the arrow keys could not reach its
 * hidden columns otherwise (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function needsKeyboardFocus(region: { overflows: boolean; hasFocusable: boolean }): boolean {
  return region.overflows && !region.hasFocusable;
}

/** Makes each sideways-scrolling table under `root` that has nothing focusable a named, focusable region. */
export function focusableScrollRegions(root: ParentNode, name: string): void {
  for (const scroller of Array.from(root.querySelectorAll(TABLE_SCROLLER))) {
    const marked = scroller.hasAttribute(MARK);
    const needed = needsKeyboardFocus({
      overflows: scroller.scrollWidth > scroller.clientWidth,
      hasFocusable: Array.from(scroller.querySelectorAll(FOCUSABLE)).some((element) => element !== scroller),
    });
    if (needed && !marked) {
      scroller.setAttribute(MARK, '');
      scroller.setAttribute('tabindex', '0');
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', name);
    } else if (needed && scroller.getAttribute('aria-label') !== name) {
      scroller.setAttribute('aria-label', name);
    } else if (!needed && marked) {
      for (const attribute of [MARK, 'tabindex', 'role', 'aria-label']) {
        scroller.removeAttribute(attribute);
      }
    }
  }
}

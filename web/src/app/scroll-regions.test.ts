import { describe, expect, it } from 'vitest';
import { needsKeyboardFocus } from './scroll-regions';

describe(needsKeyboardFocus.name, () => {
  it('makes a table that scrolls sideways with nothing to focus (an empty one on a phone) a focusable region', () => {
    expect(needsKeyboardFocus({ overflows: true, hasFocusable: false })).toBe(true);
  });

  it('leaves tables that fit, or whose links and buttons take the focus, as they are', () => {
    expect(needsKeyboardFocus({ overflows: false, hasFocusable: false })).toBe(false);
    expect(needsKeyboardFocus({ overflows: true, hasFocusable: true })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { englishLabelKey, iconLabelKey } from './antd-labels';

describe(iconLabelKey.name, () => {
  it('names an icon that is all a control shows by what the control does', () => {
    expect(iconLabelKey('close-circle', 'control')).toBe('clear');
    expect(iconLabelKey('close', 'control')).toBe('close');
    expect(iconLabelKey('left', 'control')).toBe('previous');
    expect(iconLabelKey('right', 'control')).toBe('next');
    expect(iconLabelKey('ellipsis', 'control')).toBe('more');
  });

  it('names the icon of a message by its kind', () => {
    expect(iconLabelKey('close-circle', 'status')).toBe('error');
    expect(iconLabelKey('check-circle', 'status')).toBe('success');
    expect(iconLabelKey('exclamation-circle', 'status')).toBe('warning');
    expect(iconLabelKey('info-circle', 'status')).toBe('info');
  });

  it('hides decorative icons (a select arrow, a sort caret, an icon beside words)', () => {
    expect(iconLabelKey('down', 'decorative')).toBeNull();
    expect(iconLabelKey('caret-up', 'decorative')).toBeNull();
    expect(iconLabelKey('close-circle', 'decorative')).toBeNull();
    expect(iconLabelKey('smile', 'status')).toBeNull();
  });

  it("keeps antd's name on an icon-only control it does not know, rather than leave the control nameless", () => {
    expect(iconLabelKey('smile', 'control')).toBeUndefined();
    expect(iconLabelKey('constructor', 'control')).toBeUndefined();
  });
});

describe(englishLabelKey.name, () => {
  it("knows antd's English button labels, and only those", () => {
    expect(englishLabelKey('Clear')).toBe('clear');
    expect(englishLabelKey('Close')).toBe('close');
    expect(englishLabelKey('清除')).toBeUndefined();
    expect(englishLabelKey('toString')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { el, escapeAttribute, escapeText, serialiseXml, textEl } from './xml-writer.js';

describe(serialiseXml.name, () => {
  it('escapes text and attributes and drops characters XML cannot hold', () => {
    expect(escapeText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(escapeAttribute('say "hi"\n')).toBe('say &quot;hi&quot;&#10;');
    expect(escapeText('bell\u0007 \uD800lone')).toBe('bell lone');
    expect(escapeText('😀 月')).toBe('😀 月');
  });

  it('writes nested elements, skipping undefined children and attributes', () => {
    const xml = serialiseXml(el('Root', { a: '1', b: undefined }, textEl('Title', '<月>'), undefined, el('Empty')));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Root a="1">\n  <Title>&lt;月&gt;</Title>\n  <Empty/>\n</Root>\n');
  });
});

import { SaxesParser } from 'saxes';
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

  it('keeps carriage returns, tabs and line feeds as stored: a reader gives back the same text and attributes', () => {
    const stored = 'T\rX\r\nY\tZ\n';
    expect(escapeText(stored)).toBe('T&#13;X&#13;\nY\tZ\n');
    expect(escapeAttribute(stored)).toBe('T&#13;X&#13;&#10;Y&#9;Z&#10;');
    const xml = serialiseXml(el('Root', {}, textEl('Title', stored, { note: stored })));
    const texts: string[] = [];
    const attributes: string[] = [];
    const parser = new SaxesParser();
    parser.on('text', (text) => texts.push(text));
    parser.on('opentag', (tag) => {
      if (tag.name === 'Title') {
        attributes.push(String(tag.attributes.note));
      }
    });
    parser.write(xml).close();
    expect(texts.filter((t) => t.trim() !== '')).toEqual([stored]);
    expect(attributes).toEqual([stored]);
  });
});

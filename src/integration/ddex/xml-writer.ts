/**
 * A small XML writer for the DDEX export: elements, attributes and escaped text, nothing more. The
 * project has no XML library and needs none for writing one message; reading back is the tests' job
 * (xmllint). Pure: no I/O.
 */

export type XmlAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

export interface XmlElement {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly children: readonly XmlChild[];
}

export type XmlChild = XmlElement | string;

/** An element; `undefined` children are dropped, so optional parts can be written inline. */
export function el(name: string, attributes: XmlAttributes = {}, ...children: readonly (XmlChild | undefined | readonly (XmlChild | undefined)[])[]): XmlElement {
  const flat = children.flat().filter((c): c is XmlChild => c !== undefined);
  return { name, attributes, children: flat };
}

/** An element holding only text. */
export function textEl(name: string, text: string | number, attributes: XmlAttributes = {}): XmlElement {
  return { name, attributes, children: [String(text)] };
}

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF even when escaped: they are
// dropped rather than written, since any one of them makes the whole message unreadable.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  // A raw carriage return would be read as a line feed (XML 1.0 §2.11 end-of-line handling): keep it as a reference.
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(value: string): string {
  // Tabs and line breaks in attributes would be normalised to spaces by a reader: keep them as references.
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attributesOf(attributes: XmlAttributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}

function write(node: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${node.name}${attributesOf(node.attributes)}`;
  if (node.children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  const [only] = node.children;
  if (node.children.length === 1 && typeof only === 'string') {
    out.push(`${open}>${escapeText(only)}</${node.name}>`);
    return;
  }
  out.push(`${open}>`);
  for (const child of node.children) {
    if (typeof child === 'string') {
      out.push(`${indent}  ${escapeText(child)}`);
    } else {
      write(child, depth + 1, out);
    }
  }
  out.push(`${indent}</${node.name}>`);
}

/** The document: XML declaration, then the root element, indented two spaces, UTF-8. */
export function serialiseXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}

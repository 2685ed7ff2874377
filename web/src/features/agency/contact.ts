import type { AgencyContact } from '../../../../src/settings/settings.schemas.js';

/**
 * A `tel:` link for a phone number as people write it: `(02)2361-9132 轉 703` → `tel:0223619132;ext=703`
 * (RFC 3966: the extension after 轉, 分機, ext or #). Undefined when there are no digits to dial.
 */
export function telHref(phone: string): string | undefined {
  const [main = '', extension] = phone.normalize('NFKC').split(/轉|分機|ext\.?|#|x(?=\s*\d)/i);
  const number = `${main.trim().startsWith('+') ? '+' : ''}${main.replace(/\D/g, '')}`;
  if (number.replace('+', '') === '') {
    return undefined;
  }
  const ext = extension?.replace(/\D/g, '') ?? '';
  return `tel:${number}${ext === '' ? '' : `;ext=${ext}`}`;
}

export interface ContactItem {
  readonly kind: 'address' | 'phone' | 'email';
  readonly text: string;
  readonly href?: string | undefined;
}

/** The contact details worth showing, in the guide's order (address, phone, e-mail); blank ones left out. */
export function contactItems(contact: AgencyContact): ContactItem[] {
  const items: ContactItem[] = [];
  if (contact.address.trim() !== '') {
    items.push({ kind: 'address', text: contact.address });
  }
  if (contact.phone.trim() !== '') {
    items.push({ kind: 'phone', text: contact.phone, href: telHref(contact.phone) });
  }
  if (contact.email.trim() !== '') {
    items.push({ kind: 'email', text: contact.email, href: `mailto:${contact.email}` });
  }
  return items;
}

/**
 * Masking of personal data before display: the one place it happens (issue 6 decides per mode
 * whether a screen may show the full values). Every masker keeps enough to tell records apart
 * at a glance and never returns the input unchanged when it holds more than its visible part;
 * malformed values are masked whole rather than shown.
 */

const stars = (count: number) => '*'.repeat(Math.max(0, count));

/** `330822199001011234` → `330822********1234` (region code and the last four kept). */
export function maskIdNumber(value: string): string {
  const text = value.trim();
  if (/^\d{17}[\dXx]$/.test(text)) return `${text.slice(0, 6)}${stars(8)}${text.slice(-4)}`;
  if (/^\d{15}$/.test(text)) return `${text.slice(0, 6)}${stars(5)}${text.slice(-4)}`;
  return stars(text.length);
}

/** `13812345678` → `138****5678`; other numbers keep only their last four digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (/^\+?\d{7,}$/.test(digits)) return `${stars(digits.length - 4)}${digits.slice(-4)}`;
  return stars(digits.length);
}

/** `浙H·12345` → `浙H·1****`, `赣E12345` → `赣E1****`: province, city letter and first character kept. */
export function maskPlate(value: string): string {
  const match = /^([\u4e00-\u9fa5][A-Z])([·•.\s-]?)([A-Z0-9])([A-Z0-9\u4e00-\u9fa5]{3,6})$/i.exec(value.trim());
  if (!match) return stars(value.trim().length);
  return `${match[1]}${match[2]}${match[3]}${stars(match[4]!.length)}`;
}

/** `王小明` → `王**`, `李四` → `李*`: the surname kept. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return `${chars[0]}${stars(chars.length - 1)}`;
}

import type { ConsentChannel } from '../db/prisma-client.ts';

/** A number or address as consents key it: a phone number's last 10 digits, an e-mail address in lower case. */
export function contactAddress(channel: ConsentChannel | 'SMS' | 'PHONE', value: string): string {
  if (channel === 'EMAIL') return value.trim().toLowerCase();
  return value.replace(/\D/g, '').slice(-10);
}

/** Is this a usable number or address for the channel? */
export function isContactAddress(channel: ConsentChannel, value: string): boolean {
  return channel === 'EMAIL'
    ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
    : (value.match(/\d/g) ?? []).length >= 10;
}

/** A postal address as the API takes it; stored flat on the record (addressLine1, city, …). */
export interface AddressInput {
  line1: string;
  line2?: string | null;
  city: string;
  /** Two-letter USPS code. */
  state: string;
  /** ZIP or ZIP+4. */
  postalCode: string;
}

/** The record's columns for an address (how it is stored). */
export function addressColumns(a: AddressInput): Record<string, string | null> {
  return {
    addressLine1: a.line1,
    addressLine2: a.line2 ?? null,
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
  };
}

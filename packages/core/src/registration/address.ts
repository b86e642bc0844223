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

/** The roles a token can carry. An auditor only reads; each mutation names the roles it admits. */
export const ROLES = ['admin', 'biller', 'coder', 'collector', 'frontdesk', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the same shape whether it came from a JWT or from a vendor's own `authenticate`. */
export interface Principal {
  /** The user (`sub`). */
  userId: string;
  /** The organization (tenant) every read and write is scoped to (`org`). */
  organizationId: string;
  roles: readonly Role[];
  /** When set, the user only sees and changes these practices (`practices`). */
  practiceIds?: readonly string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

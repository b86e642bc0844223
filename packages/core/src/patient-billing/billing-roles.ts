import type { Role } from '../auth/principal.ts';

/** Who runs patient billing. */
export const BILLER_ROLES: readonly Role[] = ['admin', 'biller'];
/** Who may also hold an account (flags): collectors too. */
export const ACCOUNT_HOLD_ROLES: readonly Role[] = ['admin', 'biller', 'collector'];

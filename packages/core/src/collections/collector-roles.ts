import type { Role } from '../auth/principal.ts';

/** Who works collections: placing, recalling, notices, agency files. */
export const COLLECTOR_ROLES: readonly Role[] = ['admin', 'biller', 'collector'];

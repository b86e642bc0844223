import { SignJWT } from 'jose';
import type { Role } from './principal.ts';

export interface SignTokenInput {
  secret: string;
  organizationId: string;
  roles: readonly Role[];
  userId?: string;
  practiceIds?: readonly string[];
  /** A jose time span, e.g. `1h`, `30m`, `7d`. @default '1h' */
  expiresIn?: string;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token in the shape revcycle verifies (`revcycle token`, tests, examples). */
export async function signToken(input: SignTokenInput): Promise<string> {
  const claims: Record<string, unknown> = { org: input.organizationId, roles: [...input.roles] };
  if (input.practiceIds) claims.practices = [...input.practiceIds];
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.userId ?? 'cli')
    .setIssuedAt()
    .setExpirationTime(input.expiresIn ?? '1h');
  if (input.issuer) jwt = jwt.setIssuer(input.issuer);
  if (input.audience) jwt = jwt.setAudience(input.audience);
  return jwt.sign(new TextEncoder().encode(input.secret));
}

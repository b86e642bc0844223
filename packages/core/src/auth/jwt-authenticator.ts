import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { ConfigError } from '../errors/config-error.ts';
import { isRole } from './principal.ts';
import type { Principal } from './principal.ts';

export interface JwtAuthOptions {
  /** HS256 shared secret (`REVCYCLE_JWT_SECRET`). At least 32 characters. */
  secret?: string;
  /** A JWKS URL for RS256/ES256 tokens (`REVCYCLE_JWKS_URL`). */
  jwksUrl?: string;
  /** A JWKS document given inline (tests, air-gapped deployments); used like `jwksUrl`. */
  jwks?: { keys: Array<Record<string, unknown>> };
  /** Checked against `iss` when set (`REVCYCLE_JWT_ISSUER`). */
  issuer?: string;
  /** Checked against `aud` when set (`REVCYCLE_JWT_AUDIENCE`). */
  audience?: string;
}

export type TokenVerifier = (token: string) => Promise<Principal | null>;

/**
 * Verifies bearer tokens with jose. Only HS256 (secret) or RS256/ES256 (JWKS) are accepted, so `alg: none`
 * and algorithm-confusion tokens fail. Any failure yields null: callers answer 401 without detail.
 */
export function createJwtVerifier(options: JwtAuthOptions): TokenVerifier {
  const { key, algorithms } = verificationKey(options);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['sub', 'exp'],
      });
      return principalFromClaims(payload);
    } catch {
      return null;
    }
  };
}

function verificationKey(options: JwtAuthOptions): { key: Uint8Array | JWTVerifyGetKey; algorithms: string[] } {
  if (options.secret !== undefined) {
    if (options.secret.length < 32)
      throw new ConfigError('auth.secret', 'an HS256 secret needs at least 32 characters');
    return { key: new TextEncoder().encode(options.secret), algorithms: ['HS256'] };
  }
  if (options.jwks)
    return {
      key: createLocalJWKSet(options.jwks as Parameters<typeof createLocalJWKSet>[0]),
      algorithms: ['RS256', 'ES256'],
    };
  if (options.jwksUrl) {
    let url: URL;
    try {
      url = new URL(options.jwksUrl);
    } catch {
      throw new ConfigError('auth.jwksUrl', 'is not a URL');
    }
    return { key: createRemoteJWKSet(url), algorithms: ['RS256', 'ES256'] };
  }
  throw new ConfigError('auth', 'set auth.secret (HS256), auth.jwksUrl or auth.jwks, or pass auth.authenticate');
}

/** Maps verified claims to a principal; a token without `org` or a known role is not a principal. */
export function principalFromClaims(payload: JWTPayload): Principal | null {
  const { sub, org, roles, practices } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || typeof org !== 'string' || !Array.isArray(roles)) return null;
  const known = roles.filter(isRole);
  if (known.length === 0) return null;
  const principal: Principal = { userId: sub, organizationId: org, roles: known };
  if (practices !== undefined) {
    if (!Array.isArray(practices) || !practices.every((p) => typeof p === 'string')) return null;
    principal.practiceIds = practices;
  }
  return principal;
}

import type { CodeSystem } from '../db/prisma-client.ts';
import type { CodeSetSource } from './import-code-set.ts';

/** One release a provider offers: which code set, the publisher's version, from when it governs, and its file. */
export interface CodeSetReleaseFile {
  system: CodeSystem;
  version: string;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** Opens the file as the format of `system` reads it; called again when the release is already loaded. */
  open: CodeSetSource;
}

/**
 * A plugin that supplies code-set releases the product does not ship — above all CPT, which the AMA licenses to
 * each vendor — from wherever the vendor keeps them (a licensed file, a terminology server). `api.codeSets.
 * importFrom(provider)` loads every release it offers; releases already loaded are left as they are. Its tests run
 * `runCodeSetProviderContract` from `@revcycle/testkit`.
 */
export interface CodeSetProvider {
  id: string;
  displayName: string;
  releases(): Promise<CodeSetReleaseFile[]>;
}

/** Declares a code-set provider (an identity function that checks the shape at compile time). */
export function defineCodeSetProvider(provider: CodeSetProvider): CodeSetProvider {
  return provider;
}

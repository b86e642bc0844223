import type { AddressInput } from '../registration/address.ts';
import type { FieldChecks } from '../validation/field-checks.ts';

/** How consumers reach a collector: what the validation notice prints (12 CFR 1006.34(c)(1)). */
export interface CollectorContactInput {
  address?: AddressInput | null;
  /** The telephone number consumers call, as it should be printed. */
  phone?: string | null;
  /** A web address or e-mail where disputes are accepted electronically, when the collector takes them. */
  electronicDisputes?: string | null;
}

/** Checks the contact fields given and returns the columns to write (only those given). */
export function collectorContactColumns(input: CollectorContactInput, checks: FieldChecks) {
  const a = input.address;
  if (a) {
    checks
      .notBlank(['input', 'address', 'line1'], a.line1)
      .notBlank(['input', 'address', 'city'], a.city)
      .state(['input', 'address', 'state'], a.state)
      .postalCode(['input', 'address', 'postalCode'], a.postalCode);
  }
  if (input.phone != null && (input.phone.match(/\d/g) ?? []).length < 10)
    checks.add(['input', 'phone'], 'INVALID_PHONE', 'a telephone number has 10 digits (with the area code)');
  return {
    ...(a && {
      addressLine1: a.line1.trim(),
      addressLine2: a.line2?.trim() || null,
      city: a.city.trim(),
      state: a.state,
      postalCode: a.postalCode,
    }),
    ...(input.phone != null && { phone: input.phone.trim() }),
    ...(input.electronicDisputes !== undefined && { electronicDisputes: input.electronicDisputes?.trim() || null }),
  };
}

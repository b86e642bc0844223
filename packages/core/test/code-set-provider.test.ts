import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { defineCodeSetProvider } from '@revcycle/core';
import { runCodeSetProviderContract } from '@revcycle/testkit';

// A vendor's licensed CPT file, supplied through the CodeSetProvider contract (from #24): the product ships no CPT.
const vendorCpt = defineCodeSetProvider({
  id: 'vendor-cpt',
  displayName: 'Vendor CPT (licensed file)',
  async releases() {
    return [
      {
        system: 'CPT',
        version: '2026-vendor',
        effectiveDate: '2026-01-01',
        open: () => createReadStream(join(import.meta.dirname, 'fixtures', 'code-sets', 'cpt_vendor_2026.csv')),
      },
    ];
  },
});

runCodeSetProviderContract(vendorCpt);

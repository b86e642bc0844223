import type { CodeSystem } from '../../db/prisma-client.ts';
import type { CodeSetFormat } from './code-set-format.ts';
import { ADD_ON_CODES_CSV } from './add-on-codes.ts';
import { CUSTOM_CSV } from './custom-csv.ts';
import { HCPCS_ALPHA_NUMERIC_FILE } from './hcpcs-alpha-numeric.ts';
import { ICD10CM_ORDER_FILE } from './icd10cm-order.ts';
import { MCE_EDITS_CSV } from './mce-edits.ts';
import { MUE_FILE } from './mue.ts';
import { NCCI_PTP_FILE } from './ncci-ptp.ts';

/**
 * Each system's file as its publisher issues it. HCPCS Level II reads the CMS annual fixed-width file (or the generic
 * CSV); CPT always comes from the vendor's licensed file as that CSV.
 */
export const FORMAT_OF_SYSTEM: Record<CodeSystem, CodeSetFormat> = {
  ICD10CM: ICD10CM_ORDER_FILE,
  HCPCS: HCPCS_ALPHA_NUMERIC_FILE,
  CPT: CUSTOM_CSV,
  CUSTOM: CUSTOM_CSV,
  NCCI_PTP_PRACTITIONER: NCCI_PTP_FILE,
  NCCI_PTP_OUTPATIENT: NCCI_PTP_FILE,
  MUE_PRACTITIONER: MUE_FILE,
  MUE_OUTPATIENT: MUE_FILE,
  MCE: MCE_EDITS_CSV,
  ADD_ON: ADD_ON_CODES_CSV,
};

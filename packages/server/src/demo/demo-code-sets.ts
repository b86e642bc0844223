/**
 * The demo's code sets: a few real ICD-10-CM codes (public, CMS/CDC) covering the demo's visits plus the E11 header,
 * Medicare Code Editor rows, and NCCI PTP and MUE rows in the CMS layouts (chosen for the demo, not an extract of a release), so the quick
 * start shows the scrubber's code-set edits. No CPT: its descriptors are licensed; a vendor loads its own file.
 */
export const DEMO_CODE_SETS = [
  {
    system: 'ICD10CM',
    version: 'demo-2026',
    effectiveDate: '2025-10-01',
    content: `00001 E11     0 Type 2 diabetes mellitus                                     Type 2 diabetes mellitus
00002 E119    1 Type 2 diabetes mellitus without complications               Type 2 diabetes mellitus without complications
00003 E785    1 Hyperlipidemia, unspecified                                  Hyperlipidemia, unspecified
00004 I10     1 Essential (primary) hypertension                             Essential (primary) hypertension
00005 J069    1 Acute upper respiratory infection, unspecified               Acute upper respiratory infection, unspecified
00006 M170    1 Bilateral primary osteoarthritis of knee                     Bilateral primary osteoarthritis of knee
00007 M25561  1 Pain in right knee                                           Pain in right knee
00008 M5416   1 Radiculopathy, lumbar region                                 Radiculopathy, lumbar region
00009 M7521   1 Bicipital tendinitis, right shoulder                         Bicipital tendinitis, right shoulder
00010 R519    1 Headache, unspecified                                        Headache, unspecified
00011 S83241A 1 Oth tear of medial meniscus, current injury, right knee, init Other tear of medial meniscus, current injury, right knee, initial encounter
00012 S93401A 1 Sprain of unsp ligament of right ankle, initial encounter    Sprain of unspecified ligament of right ankle, initial encounter
00013 Z00129  1 Encntr for routine child health exam w/o abnormal findings   Encounter for routine child health examination without abnormal findings
00014 Z23     1 Encounter for immunization                                   Encounter for immunization\n`,
  },
  {
    system: 'NCCI_PTP_PRACTITIONER',
    version: 'demo-2026Q1',
    effectiveDate: '2020-01-01',
    content: `Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale
20610\t97110\t\t20200101\t*\t1\tMisuse of column two code with column one code
29881\t20610\t\t20200101\t*\t1\tStandards of medical / surgical practice\n`,
  },
  {
    system: 'MUE_PRACTITIONER',
    version: 'demo-2026Q1',
    effectiveDate: '2020-01-01',
    content: `"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"
36415,2,"3 Date of Service Edit: Clinical","Clinical: Data"
99213,1,"2 Date of Service Edit: Policy","Nature of Service/Procedure"
97110,6,"3 Date of Service Edit: Clinical","Clinical: Data"\n`,
  },
  {
    system: 'MCE',
    version: 'demo-2026',
    effectiveDate: '2025-10-01',
    content: `code,edit\nO80,FEMALE\nO80,MATERNITY\nN401,MALE\n`,
  },
  {
    system: 'ADD_ON',
    version: 'demo-2026Q1',
    effectiveDate: '2020-01-01',
    content: `"Add-on Code","Primary Code","AOC Edit Type","AOC Edit Effective Date","AOC Edit Deletion Date"\n99417,99205,1,20230101,*\n99417,99215,1,20230101,*\n`,
  },
] as const;

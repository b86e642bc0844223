/**
 * US geographic area codes by state, and each state's time zones. A number's area code says where it was issued,
 * not where its holder is, so Regulation F's "when unsure, every plausible time zone" applies: a state that spans
 * zones gives all of them, and an unknown or non-geographic code (toll-free, 500, 900) gives every US zone.
 */
const AREA_CODES_BY_STATE: Record<string, string> = {
  AL: '205 251 256 334 659 938',
  AK: '907',
  AZ: '480 520 602 623 928',
  AR: '479 501 870',
  CA: '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951',
  CO: '303 719 720 970 983',
  CT: '203 475 860 959',
  DE: '302',
  DC: '202 771',
  FL: '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954',
  GA: '229 404 470 478 678 706 762 770 912 943',
  HI: '808',
  ID: '208 986',
  IL: '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872',
  IN: '219 260 317 463 574 765 812 930',
  IA: '319 515 563 641 712',
  KS: '316 620 785 913',
  KY: '270 364 502 606 859',
  LA: '225 318 337 504 985',
  ME: '207',
  MD: '227 240 301 410 443 667',
  MA: '339 351 413 508 617 774 781 857 978',
  MI: '231 248 269 313 517 586 616 679 734 810 906 947 989',
  MN: '218 320 507 612 651 763 952',
  MS: '228 601 662 769',
  MO: '314 417 557 573 636 660 816 975',
  MT: '406',
  NE: '308 402 531',
  NV: '702 725 775',
  NH: '603',
  NJ: '201 551 609 640 732 848 856 862 908 973',
  NM: '505 575',
  NY: '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934',
  NC: '252 336 472 704 743 828 910 919 980 984',
  ND: '701',
  OH: '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937',
  OK: '405 539 572 580 918',
  OR: '458 503 541 971',
  PA: '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878',
  RI: '401',
  SC: '803 821 839 843 854 864',
  SD: '605',
  TN: '423 615 629 731 865 901 931',
  TX: '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 945 956 972 979',
  UT: '385 435 801',
  VT: '802',
  VA: '276 434 540 571 686 703 757 804 826 948',
  WA: '206 253 360 425 509 564',
  WV: '304 681',
  WI: '262 274 353 414 534 608 715 920',
  WY: '307',
};

const ET = 'America/New_York',
  CT = 'America/Chicago',
  MT = 'America/Denver',
  PT = 'America/Los_Angeles';
export const US_TIME_ZONES: readonly string[] = [
  ET,
  CT,
  MT,
  'America/Phoenix',
  PT,
  'America/Anchorage',
  'Pacific/Honolulu',
];

/** The zones each state observes (several where a state is split). */
export const STATE_TIME_ZONES: Record<string, readonly string[]> = {
  AL: [CT],
  AK: ['America/Anchorage'],
  AZ: ['America/Phoenix'],
  AR: [CT],
  CA: [PT],
  CO: [MT],
  CT: [ET],
  DE: [ET],
  DC: [ET],
  FL: [ET, CT],
  GA: [ET],
  HI: ['Pacific/Honolulu'],
  ID: [MT, PT],
  IL: [CT],
  IN: [ET, CT],
  IA: [CT],
  KS: [CT, MT],
  KY: [ET, CT],
  LA: [CT],
  ME: [ET],
  MD: [ET],
  MA: [ET],
  MI: [ET, CT],
  MN: [CT],
  MS: [CT],
  MO: [CT],
  MT: [MT],
  NE: [CT, MT],
  NV: [PT],
  NH: [ET],
  NJ: [ET],
  NM: [MT],
  NY: [ET],
  NC: [ET],
  ND: [CT, MT],
  OH: [ET],
  OK: [CT],
  OR: [PT, MT],
  PA: [ET],
  RI: [ET],
  SC: [ET],
  SD: [CT, MT],
  TN: [ET, CT],
  TX: [CT, MT],
  UT: [MT],
  VT: [ET],
  VA: [ET],
  WA: [PT],
  WV: [ET],
  WI: [CT],
  WY: [MT],
};

/**
 * Area codes of split states whose region straddles the zone line; every other code of a split state is in the
 * state's main zone (512 is Austin: Central only; 915 is El Paso: Mountain only).
 */
const STRADDLING: Record<string, readonly string[]> = {
  '850': [ET, CT],
  '219': [CT],
  '812': [ET, CT],
  '930': [ET, CT],
  '270': [ET, CT],
  '364': [ET, CT],
  '906': [ET, CT],
  '931': [ET, CT],
  '423': [ET, CT],
  '620': [CT, MT],
  '785': [CT, MT],
  '308': [CT, MT],
  '701': [CT, MT],
  '605': [CT, MT],
  '208': [MT, PT],
  '986': [MT, PT],
  '541': [PT, MT],
  '458': [PT, MT],
  '915': [MT],
  '432': [CT, MT],
};

const ZONES_BY_AREA_CODE = new Map<string, readonly string[]>(
  Object.entries(AREA_CODES_BY_STATE).flatMap(([state, codes]) =>
    codes.split(' ').map((code) => [code, STRADDLING[code] ?? [STATE_TIME_ZONES[state]![0]!]] as const),
  ),
);

/** The area code of a US phone number written any usual way (+1 (512) 555-0101, 512.555.0101, …), or null. */
export function areaCodeOf(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length === 10 ? national.slice(0, 3) : null;
}

/** Every time zone the holder of this number plausibly is in. */
export function timeZonesOfPhone(phone: string): readonly string[] {
  const code = areaCodeOf(phone);
  return (code && ZONES_BY_AREA_CODE.get(code)) || US_TIME_ZONES;
}

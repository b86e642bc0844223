// Real-time inquiries sent as files: a clearinghouse that takes 270 and 276 batches over SFTP drops the 271 or 277
// in the inbound folder, echoing the request's trace number (TRN*1*<trace> in the request, TRN*2*<trace> in the
// answer, as the 005010X279 and X212 guides have it). These helpers read just enough of the X12 to match them.

/** The transactions sent as inquiry files, and the answer each waits for. */
export const INQUIRIES = { '270': '271', '276': '277' } as const;
export type Inquiry = keyof typeof INQUIRIES;

/** A file's segments, split by the separators its ISA declares (element: 4th character, segment: 106th). */
function segmentsOf(x12: string): string[][] {
  const text = x12.trimStart();
  if (!text.startsWith('ISA') || text.length < 106) return [];
  const element = text[3]!;
  const terminator = text[105]!;
  return text
    .split(terminator)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(element));
}

/** The request's interchange control number (ISA13) and its first trace number (TRN*1). */
export function inquiryIds(x12: string): { icn: string; trace: string } | undefined {
  const segments = segmentsOf(x12);
  const icn = segments.find((s) => s[0] === 'ISA')?.[13];
  const trace = segments.find((s) => s[0] === 'TRN' && s[1] === '1')?.[2];
  return icn && trace ? { icn, trace } : undefined;
}

/**
 * Whether a file is an inquiry's answer — a 271, or a 277 claim status response (GS08 005010X212, not the
 * 277CA's X214) — and, with a trace, whether it answers that one.
 */
export function isAnswer(x12: string, trace?: string): boolean {
  const segments = segmentsOf(x12);
  const st = segments.find((s) => s[0] === 'ST')?.[1];
  const version = segments.find((s) => s[0] === 'GS')?.[8] ?? '';
  const answer = st === '271' || (st === '277' && version.includes('X212'));
  if (!answer || trace === undefined) return answer;
  return segments.some((s) => s[0] === 'TRN' && s[1] === '2' && s[2] === trace);
}

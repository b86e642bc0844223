/** Stand for the component and repetition separators while segments are built; swapped when the delimiters are known. */
export const COMPONENT = '\u0000';
export const REPETITION = '\u0001';

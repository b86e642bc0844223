import { decodeId } from '../../ids/global-id.ts';

export const denialIdOf = (input: { denialId: string | number }) =>
  decodeId('Denial', String(input.denialId), ['input', 'denialId']);
export const appealIdOf = (input: { appealId: string | number }) =>
  decodeId('Appeal', String(input.appealId), ['input', 'appealId']);

import { describe, expect, it } from 'vitest';
import { defineNotifier, recordingNotifier } from './contracts.ts';
import { createPluginRegistry } from './registry.ts';

describe('notifiers', () => {
  it('defaults to the recording notifier, which records a reminder and sends nothing', async () => {
    const registry = createPluginRegistry({});
    expect([...registry.notifiers.values()]).toEqual([recordingNotifier]);
    const receipt = await recordingNotifier.send({
      channel: 'SMS',
      template: 'reminder',
      to: '5125550101',
      optOutNotice: 'Reply STOP to stop text messages from us.',
      idempotencyKey: 'k1',
      variables: { patientName: 'Pat Doe', practiceName: 'Riverbend', accountNumber: 'A1', amountDueCents: 2_785 },
    });
    expect(receipt).toEqual({ outcome: 'RECORDED', detail: 'recorded, not sent (no notifier configured)' });
  });

  it('a configured notifier replaces it, and a bad one is refused at boot naming the option', () => {
    const sms = defineNotifier({
      id: 'acme-sms',
      displayName: 'Acme SMS',
      channels: ['SMS'],
      send: async () => ({ outcome: 'SENT' }),
    });
    expect([...createPluginRegistry({ notifiers: [sms] }).notifiers.keys()]).toEqual(['acme-sms']);
    expect(() => createPluginRegistry({ notifiers: [{ ...sms, channels: ['FAX'] } as never] })).toThrow(
      'notifiers[0].channels',
    );
  });
});

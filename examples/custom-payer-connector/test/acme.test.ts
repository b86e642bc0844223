import { callConnector } from '@revcycle/core';
import { runPayerConnectorContract } from '@revcycle/testkit';
import { describe, expect, it } from 'vitest';
import { acmeClearinghouse } from '../src/index.ts';
import { fakeAcme } from './fake-acme.ts';

const KEY = 'acme-test-key-0123456789';

// The contract every revcycle payer connector passes, against the fake of Acme's API.
runPayerConnectorContract('acme', async () => {
  const acme = fakeAcme(KEY);
  return {
    connector: acmeClearinghouse({
      baseUrl: 'https://api.acme.example',
      apiKey: KEY,
      submitterId: 'RIVERBEND',
      fetch: acme.fetch,
    }),
    deliveries: async () => acme.deliveries(),
    deliverResponse: async (name, content) => acme.deliver(name, content),
  };
});

describe('acmeClearinghouse', () => {
  it('refuses bad options at boot, naming the option', () => {
    expect(() => acmeClearinghouse({ baseUrl: 'not a url', apiKey: KEY, submitterId: 'RB' })).toThrow(/baseUrl/);
    expect(() => acmeClearinghouse({ baseUrl: 'http://api.acme.example', apiKey: KEY, submitterId: 'RB' })).toThrow(
      /https/,
    );
    expect(() =>
      acmeClearinghouse({ baseUrl: 'https://api.acme.example', apiKey: 'short', submitterId: 'RB' }),
    ).toThrow(/apiKey/);
  });

  it('turns 5xx into retryable errors that core retries, and 4xx into final ones', async () => {
    const acme = fakeAcme(KEY);
    const connector = acmeClearinghouse({
      baseUrl: 'https://api.acme.example',
      apiKey: KEY,
      submitterId: 'RB',
      fetch: acme.fetch,
    });
    acme.failNextRequests(1);
    await expect(
      callConnector('acme', (signal) => connector.fetchResponses!(signal), {
        retries: 2,
        backoffMs: 1,
        timeoutMs: 1000,
      }),
    ).resolves.toEqual([]);
    const wrongKey = acmeClearinghouse({
      baseUrl: 'https://api.acme.example',
      apiKey: 'a-wrong-key-0123456789',
      submitterId: 'RB',
      fetch: acme.fetch,
    });
    await expect(wrongKey.fetchResponses!(new AbortController().signal)).rejects.toMatchObject({
      code: 'CONNECTOR_ERROR',
      retryable: false,
    });
  });
});

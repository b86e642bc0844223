import { ConfigError, createBillingApi, definePayerConnector } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createBillingApi validates its options at boot', () => {
  const auth = { secret: 's'.repeat(32) };

  it.each([
    [{ auth: { secret: 'short' } }, 'auth.secret'],
    [{ auth: {} }, 'auth'],
    [{ auth: { jwksUrl: 'not a url' } }, 'auth.jwksUrl'],
    [{ auth, database: 'mysql://x' }, 'database'],
    [{ auth, pubsub: { redisUrl: 'http://x' } }, 'pubsub.redisUrl'],
    [{ auth, limits: { maxDepth: 0 } }, 'limits.maxDepth'],
    [{ auth, payers: [{ kind: 'payer', id: 'Bad Id', displayName: 'x' }] }, 'payers[0].id'],
    [{ auth, payers: [{ kind: 'statement', id: 'x', displayName: 'x' }] }, 'payers[0].kind'],
  ])('%j names %s', (options, option) => {
    const error = configError(() => createBillingApi(options as never));
    expect(error.option).toBe(option);
    expect(error.message).toContain(`Invalid option ${option}:`);
  });

  it('refuses two connectors with one key, and accepts them with instance ids', () => {
    const a = definePayerConnector({ id: 'sandbox', displayName: 'Sandbox' });
    expect(configError(() => createBillingApi({ auth, payers: [a, a], database: 'file::memory:' })).option).toBe(
      'payers[1]',
    );
    const api = createBillingApi({
      auth,
      database: 'file::memory:',
      payers: [
        definePayerConnector({ id: 'sandbox', instanceId: 'east', displayName: 'East' }),
        definePayerConnector({ id: 'sandbox', instanceId: 'west', displayName: 'West' }),
      ],
    });
    expect([...api.plugins.payers.keys()]).toEqual(['sandbox:east', 'sandbox:west']);
    return api.close();
  });
});

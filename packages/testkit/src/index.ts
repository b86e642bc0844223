export { createTestApi, TEST_JWT_SECRET } from './test-api.ts';
export type { GraphQLResponse, TestApi } from './test-api.ts';
export { createTestDatabase } from './test-database.ts';
export type { TestDatabase } from './test-database.ts';
export { startTestServer, subscribeOverSse, subscribeOverWebSocket } from './test-server.ts';
export type { Subscription, TestServer } from './test-server.ts';
export { runPayerConnectorContract } from './payer-connector-contract.ts';
export { runStatementRendererContract, sampleStatement } from './statement-renderer-contract.ts';
export type { PayerConnectorHarness } from './payer-connector-contract.ts';

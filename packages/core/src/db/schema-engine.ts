import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine };

let initialized: Promise<void> | undefined;

/**
 * Prisma's schema engine as WebAssembly (the native engine's download host is unreachable on our machines).
 * Node 20 cannot import a `.wasm` module, so the glue is wired to an instance we compile ourselves.
 */
function initializeWasm(): Promise<void> {
  initialized ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(gluePath.replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm'));
    const imports = { './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return initialized;
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and disposes every connection it opened (the engine itself never closes them). */
  close(): Promise<void>;
}

/** A schema engine bound to a database through its driver adapter, with `datamodel` as the current schema. */
export async function openSchemaEngine(
  datamodel: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void = () => {},
): Promise<OpenSchemaEngine> {
  await initializeWasm();
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  };
  function track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    opened.push(adapter);
    return adapter;
  }
  const engine = await glue.SchemaEngine.new(
    { datamodels: [['schema.prisma', datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

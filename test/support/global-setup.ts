import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../src/cli/demo-data.js';
import { openDatabase } from '../../src/db/database.js';
import { grantAppRole, migrateDatabase } from '../../src/db/migrate.js';
import { withDatabaseName } from './postgres.js';
import { createAppRoleSql, postgresAdminUrl, postgresAppRole } from './test-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates and seeds one database of each kind once; every test file then starts from a copy
 * (PGlite: a data-dir dump; PostgreSQL: CREATE DATABASE … TEMPLATE) in well under a second.
 */
export default async function setup(project: TestProject) {
  const pglite = await openDatabase({});
  await migrateDatabase(pglite);
  await seedDemo(pglite, { enterprises: 120, seed: 7 });
  const dump = await pglite.dumpDataDir!();
  await pglite.close();
  const templateFile = path.join(tmpdir(), `zjtx-test-template-${process.pid}.tar`);
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', templateFile);

  let postgresTemplate: string | null = null;
  if (postgresAdminUrl) {
    postgresTemplate = `zjtx_test_template_${process.pid}`;
    const admin = await openDatabase({ databaseUrl: postgresAdminUrl, poolSize: 1 });
    await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplate}`);
    await admin.query(`CREATE DATABASE ${postgresTemplate}`);
    await admin.query(createAppRoleSql);
    const template = await openDatabase({ databaseUrl: withDatabaseName(postgresAdminUrl, postgresTemplate), poolSize: 2 });
    // As in production: the server URL's role owns the tables, the tests' app connects as a role that owns nothing.
    await migrateDatabase(template);
    await grantAppRole(template, postgresAppRole);
    await seedDemo(template, { enterprises: 120, seed: 7 });
    await template.close();
    await admin.close();
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    if (postgresAdminUrl && postgresTemplate) {
      const admin = await openDatabase({ databaseUrl: postgresAdminUrl, poolSize: 1 });
      await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplate}`);
      await admin.close();
    }
  };
}

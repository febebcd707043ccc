import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { globalSetup } from '../global-setup';

export default async function setup(config: Config.GlobalConfig): Promise<void> {
  await mkdir(join(config.rootDir, '.test-data'), { recursive: true });
  await globalSetup(config.rootDir);
}

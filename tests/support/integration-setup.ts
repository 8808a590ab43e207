import { inject } from 'vitest';
import { resetEnvCache } from '@/platform/env';

process.env.DATABASE_URL = inject('databaseUrl');
resetEnvCache();

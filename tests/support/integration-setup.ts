import { inject } from 'vitest';
import { resetEnvCache } from '@/lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
resetEnvCache();

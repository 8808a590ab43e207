import type { FeatureRules } from '../authorization-kit';
import { allocations } from './allocations';
import { audit } from './audit';
import { cancellations } from './cancellations';
import { checkIn } from './check-in';
import { desk } from './desk';
import { donations } from './donations';
import { indigenous } from './indigenous';
import { partners } from './partners';
import { programme } from './programme';
import { reports } from './reports';
import { requests } from './requests';
import { venues } from './venues';

/** Each feature's rules, one file each so that features grow without touching each other's. */
export const FEATURES: readonly FeatureRules[] = [
  allocations,
  indigenous,
  partners,
  requests,
  donations,
  audit,
  reports,
  desk,
  programme,
  venues,
  cancellations,
  checkIn,
];

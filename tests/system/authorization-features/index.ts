import type { FeatureRules } from '../authorization-kit';
import { allocations } from './allocations';
import { audit } from './audit';
import { desk } from './desk';
import { cancellations } from './cancellations';
import { checkIn } from './check-in';
import { donations } from './donations';
import { indigenous } from './indigenous';
import { partners } from './partners';
import { reports } from './reports';
import { requests } from './requests';
import { venues } from './venues';

/** Each feature's rules, one file each so that features grow without touching each other's. */
export const FEATURES: readonly FeatureRules[] = [allocations, indigenous, partners, requests, donations, audit, reports, desk];
import { programme } from './programme';
export const FEATURES: readonly FeatureRules[] = [allocations, indigenous, partners, requests, donations, audit, programme];
export const FEATURES: readonly FeatureRules[] = [allocations, indigenous, partners, requests, donations, audit, venues];
export const FEATURES: readonly FeatureRules[] = [allocations, indigenous, partners, requests, donations, audit, cancellations];
export const FEATURES: readonly FeatureRules[] = [allocations, indigenous, partners, requests, donations, audit, checkIn];

import type { FeatureRules } from '../authorization-kit';
import { allocations } from './allocations';
import { audit } from './audit';
import { checkIn } from './check-in';
import { donations } from './donations';
import { indigenous } from './indigenous';
import { partners } from './partners';
import { requests } from './requests';

/** Each feature's rules, one file each so that features grow without touching each other's. */
export const FEATURES: readonly FeatureRules[] = [allocations, indigenous, partners, requests, donations, audit, checkIn];

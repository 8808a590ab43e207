import type { FeatureRules } from '../authorization-kit';

/** The allocations feature's pages, route handlers and server actions (issue 8). */
export const allocations: FeatureRules = {
  rules: {},
  actionRules: {},
};

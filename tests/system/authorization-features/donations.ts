import type { FeatureRules } from '../authorization-kit';

/** The donations feature's pages, route handlers and server actions (issue 8). */
export const donations: FeatureRules = {
  rules: {},
  actionRules: {},
};

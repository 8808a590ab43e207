import type { FeatureRules } from '../authorization-kit';

/** The indigenous feature's pages, route handlers and server actions (issue 8). */
export const indigenous: FeatureRules = {
  rules: {},
  actionRules: {},
};

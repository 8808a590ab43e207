import type { FeatureRules } from '../authorization-kit';

/** The partners feature's pages, route handlers and server actions (issue 8). */
export const partners: FeatureRules = {
  rules: {},
  actionRules: {},
};

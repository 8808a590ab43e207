import type { FeatureRules } from '../authorization-kit';

/** The Ticket Donation Requests feature's pages, route handlers and server actions (issue 8). */
export const requests: FeatureRules = {
  rules: {},
  actionRules: {},
};

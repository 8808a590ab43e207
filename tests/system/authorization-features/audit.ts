import { get, withPermission, type FeatureRules } from '../authorization-kit';

/** The audit log of staff writes (issue 9): staff and admins read it; no one writes it but the commands themselves. */
export const audit: FeatureRules = {
  rules: {
    'PAGE /box-office/audit': { allow: withPermission('audit.read'), request: get(() => '/box-office/audit') },
  },
  actionRules: {},
};

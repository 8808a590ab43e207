import { FEATURE_LABEL_SHORT } from '@/domain/catalogue/features';
import type { AccessibilityFeature } from '@/domain/catalogue/features';
import { Badge } from '@/components/ui/Badge';

export function FeatureList({ features, hasQa }: { features: AccessibilityFeature[]; hasQa?: boolean }) {
  if (features.length === 0 && !hasQa) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Screening features">
      {hasQa ? (
        <li>
          <Badge tone="info">Q&amp;A</Badge>
        </li>
      ) : null}
      {features.map((f) => (
        <li key={f}>
          <Badge tone="info">
            <abbr title={FEATURE_LABEL_SHORT[f].long} className="no-underline">
              {FEATURE_LABEL_SHORT[f].short}
            </abbr>
          </Badge>
        </li>
      ))}
    </ul>
  );
}

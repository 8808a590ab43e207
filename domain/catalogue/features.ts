export type AccessibilityFeature = 'open_captions' | 'closed_captions' | 'audio_description' | 'relaxed' | 'asl';

export const FEATURE_LABEL_SHORT: Record<AccessibilityFeature, { short: string; long: string }> = {
  open_captions: { short: 'OC', long: 'Open captions' },
  closed_captions: { short: 'CC', long: 'Closed captions' },
  audio_description: { short: 'AD', long: 'Audio description' },
  relaxed: { short: 'Relaxed', long: 'Relaxed screening' },
  asl: { short: 'ASL', long: 'ASL interpretation' },
};

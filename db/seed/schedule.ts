import type { AccessibilityFeature } from '../schema/screenings';

/** The demo schedule: festival day (0-based), local start time, venue, film. */
export interface ScheduleEntry {
  day: number;
  time: string;
  venue: string;
  film: string;
  features?: AccessibilityFeature[];
  qa?: string;
  status?: 'scheduled' | 'on_sale' | 'off_sale' | 'cancelled';
  cancellationNote?: string;
  /** Goes on sale this many days after seeding (otherwise already on sale). */
  onSaleInDays?: number;
  gala?: boolean;
}

export const SEED_SCHEDULE: ScheduleEntry[] = [
  { day: 0, time: '13:00', venue: 'lumen-cinema', film: 'here', qa: 'Conversation with the festival programmer after the film.' },
  { day: 0, time: '16:15', venue: 'lumen-cinema', film: 'the-mother-and-the-bear' },
  { day: 0, time: '19:30', venue: 'lumen-cinema', film: 'l-etranger' },
  { day: 0, time: '19:00', venue: 'harbour-hall', film: 'one-battle-after-another', gala: true, features: ['closed_captions'] },
  { day: 0, time: '14:00', venue: 'studio-theatre', film: 'all-thats-left-of-you' },
  { day: 0, time: '18:30', venue: 'studio-theatre', film: 'islands' },
  { day: 0, time: '17:00', venue: 'fir-street-annex', film: 'here', features: ['open_captions'] },

  { day: 1, time: '12:30', venue: 'lumen-cinema', film: 'islands' },
  { day: 1, time: '15:30', venue: 'lumen-cinema', film: 'all-thats-left-of-you' },
  { day: 1, time: '19:00', venue: 'lumen-cinema', film: 'here', qa: 'Q&A with a member of the film’s editing team (video link).' },
  { day: 1, time: '21:30', venue: 'lumen-cinema', film: 'one-battle-after-another' },
  { day: 1, time: '19:30', venue: 'harbour-hall', film: 'laura-crema-sings-lorenz-hart', gala: true },
  { day: 1, time: '13:00', venue: 'studio-theatre', film: 'l-etranger' },
  { day: 1, time: '16:00', venue: 'studio-theatre', film: 'the-mother-and-the-bear', features: ['audio_description'] },
  { day: 1, time: '19:45', venue: 'studio-theatre', film: 'islands' },
  { day: 1, time: '19:00', venue: 'fir-street-annex', film: 'the-mother-and-the-bear', features: ['relaxed'] },

  { day: 2, time: '13:00', venue: 'lumen-cinema', film: 'one-battle-after-another' },
  { day: 2, time: '16:30', venue: 'lumen-cinema', film: 'here', features: ['asl', 'open_captions'] },
  { day: 2, time: '19:15', venue: 'lumen-cinema', film: 'islands' },
  { day: 2, time: '14:00', venue: 'studio-theatre', film: 'here', features: ['closed_captions'] },
  { day: 2, time: '18:00', venue: 'studio-theatre', film: 'all-thats-left-of-you' },
  { day: 2, time: '16:00', venue: 'fir-street-annex', film: 'l-etranger' },
  {
    day: 2,
    time: '20:00',
    venue: 'harbour-hall',
    film: 'the-mother-and-the-bear',
    gala: true,
    qa: 'Q&A with the director after the screening.',
  },

  { day: 3, time: '13:00', venue: 'lumen-cinema', film: 'l-etranger' },
  { day: 3, time: '16:00', venue: 'lumen-cinema', film: 'islands' },
  { day: 3, time: '19:30', venue: 'lumen-cinema', film: 'all-thats-left-of-you', qa: 'Panel discussion with local community partners.' },
  { day: 3, time: '15:00', venue: 'studio-theatre', film: 'one-battle-after-another' },
  { day: 3, time: '19:00', venue: 'studio-theatre', film: 'the-mother-and-the-bear' },
  {
    day: 3,
    time: '18:30',
    venue: 'fir-street-annex',
    film: 'here',
    status: 'cancelled',
    cancellationNote: 'Cancelled because of a venue fault. Ticket holders are refunded in full; the film also plays on other days.',
  },

  { day: 4, time: '12:30', venue: 'lumen-cinema', film: 'the-mother-and-the-bear' },
  { day: 4, time: '15:30', venue: 'lumen-cinema', film: 'here' },
  { day: 4, time: '18:45', venue: 'lumen-cinema', film: 'one-battle-after-another', features: ['audio_description'] },
  { day: 4, time: '19:30', venue: 'harbour-hall', film: 'laura-crema-sings-lorenz-hart', gala: true },
  { day: 4, time: '16:00', venue: 'studio-theatre', film: 'islands', features: ['open_captions'] },
  { day: 4, time: '19:30', venue: 'studio-theatre', film: 'l-etranger' },

  { day: 5, time: '14:00', venue: 'lumen-cinema', film: 'all-thats-left-of-you' },
  { day: 5, time: '18:00', venue: 'lumen-cinema', film: 'here', features: ['closed_captions'] },
  { day: 5, time: '19:00', venue: 'harbour-hall', film: 'l-etranger', gala: true, qa: 'Closing-night conversation on screen adaptation.', onSaleInDays: 2 },
  { day: 5, time: '13:30', venue: 'studio-theatre', film: 'the-mother-and-the-bear' },
  { day: 5, time: '17:00', venue: 'studio-theatre', film: 'islands' },
  { day: 5, time: '20:00', venue: 'fir-street-annex', film: 'one-battle-after-another', status: 'off_sale' },
];

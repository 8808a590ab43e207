import type { AccessAvailability } from '@/domain/catalogue/screenings';
import { formatDateTime } from '@/lib/time';

/**
 * One scheme's honest figure at one screening, in words: places left and until when, or that the cut-off has
 * passed and they are back on general sale. The same words on the screening page and the film page.
 */
export function accessAvailabilityText(a: AccessAvailability, timeZone: string, now = new Date()): string {
  if (a.released || a.cutOffAt <= now) return 'Returned to general sale';
  if (a.allocated === 0) return 'None set aside';
  if (a.available === 0) return `All ${a.allocated} claimed for now`;
  return `${a.available} of ${a.allocated} ${a.allocated === 1 ? 'place' : 'places'} left, until ${formatDateTime(a.cutOffAt, timeZone)}`;
}

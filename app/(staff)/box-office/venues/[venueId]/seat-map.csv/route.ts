import { withErrors } from '@/web/api/respond';
import { seatMapDownload } from '@/web/venues/export';

/** The venue's seat map as CSV: section,row,seat,x,y,kind,blocked (what the import reads). */
export const GET = withErrors(async (_request: Request, { params }: { params: Promise<{ venueId: string }> }) => seatMapDownload((await params).venueId, 'csv'));

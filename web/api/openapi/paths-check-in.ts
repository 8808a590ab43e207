import type { ZodType } from 'zod';
import { AdmitInput } from '@/domain/check-in/admit';
import { SyncInput } from '@/domain/check-in/sync';
import { CheckInSummaryBody, DoorDateQuery, DoorListBody, DoorScreeningList, DoorSearchBody, DoorSearchQuery, ScanBody, SyncResultBody } from '@/web/api/check-in';
import { IdPath } from '@/web/api/schemas';
import { registry } from './registry';
import { ErrorBody } from './schemas';

/*
 * The door's operations of issue 9 (check-in, online and offline), registered on the shared registry like paths.ts.
 * Every one needs the door.check_in permission: a staff session, or a staff API token (`Authorization: Bearer mq_…`).
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });
const denied = { 401: error('Not signed in, or an unknown, expired or revoked API token'), 403: error('Without the door.check_in permission') };

registry.registerPath({
  method: 'get',
  path: '/door/screenings',
  operationId: 'listDoorScreenings',
  summary: 'The screenings of one festival day for the door, with expected and admitted counts',
  request: { query: DoorDateQuery },
  responses: { 200: { description: 'Screenings, earliest first', content: json(DoorScreeningList) }, 400: error('Malformed date'), ...denied },
});

registry.registerPath({
  method: 'post',
  path: '/check-ins',
  operationId: 'admitTicket',
  summary: 'Scan a ticket at the door (by code or QR URL, or by ticketId from a name search)',
  description:
    'Atomic: two devices scanning one ticket at the same moment get one `admitted` and one `duplicate` ("Already admitted at 7:02 p.m. by Door 2."). Every scan of a known ticket is recorded.',
  request: { body: { required: true, content: json(AdmitInput) } },
  responses: {
    200: { description: 'Admitted', content: json(ScanBody) },
    400: error('Malformed body'),
    ...denied,
    404: error('unknown_ticket: no ticket has this code; or no such screening'),
    409: { description: 'Not admitted: `already_admitted` (duplicate), `void` or `wrong_screening` (refused)', content: json(ScanBody) },
  },
});

registry.registerPath({
  method: 'post',
  path: '/check-ins/sync',
  operationId: 'syncCheckIns',
  summary: 'Send the admissions a device made offline from its door list',
  description:
    'Idempotent by `clientScanId`: sending a batch again records nothing twice and returns the first outcomes (`replayed`). An offline admission of a ticket already admitted elsewhere is a conflict naming both devices.',
  request: { body: { required: true, content: json(SyncInput) } },
  responses: { 200: { description: 'Each scan’s outcome', content: json(SyncResultBody) }, 400: error('Malformed batch: nothing recorded'), ...denied },
});

registry.registerPath({
  method: 'get',
  path: '/screenings/{id}/door-list',
  operationId: 'getDoorList',
  summary: 'The offline door list: HMACs of valid tickets’ codes, admitted state and seat; no names, no codes',
  request: { params: IdPath },
  responses: { 200: { description: 'The list', content: json(DoorListBody) }, ...denied, 404: error('No such screening') },
});

registry.registerPath({
  method: 'get',
  path: '/screenings/{id}/check-ins/summary',
  operationId: 'getCheckInSummary',
  summary: 'Live door counts of a screening, and the tickets admitted twice across devices',
  request: { params: IdPath },
  responses: { 200: { description: 'Counts and conflicts', content: json(CheckInSummaryBody) }, ...denied, 404: error('No such screening') },
});

registry.registerPath({
  method: 'get',
  path: '/screenings/{id}/door-tickets',
  operationId: 'searchDoorTickets',
  summary: 'Find a screening’s valid tickets by holder or buyer name (at most 20)',
  request: { params: IdPath, query: DoorSearchQuery },
  responses: { 200: { description: 'Matches', content: json(DoorSearchBody) }, 400: error('Query shorter than 2 letters'), ...denied, 404: error('No such screening') },
});

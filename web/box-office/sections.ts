import { can, type Permission } from '@/domain/accounts/permissions';
import type { CurrentUser } from '@/domain/accounts/current-user';

/** The box office's sections, each with the permission its page asks for (the pages check again on the server). */
const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: '/box-office/sell', label: 'Sell', permission: 'door.sell' },
  { href: '/box-office/orders', label: 'Orders', permission: 'orders.read_any' },
  { href: '/box-office/check-in', label: 'Check-in', permission: 'door.check_in' },
  { href: '/box-office/rush', label: 'Rush line', permission: 'door.sell' },
  { href: '/box-office/programme', label: 'Programme', permission: 'programme.edit' },
  { href: '/box-office/venues', label: 'Venues & seat maps', permission: 'programme.edit' },
  { href: '/box-office/cancellations', label: 'Cancellations', permission: 'screenings.cancel' },
  { href: '/box-office/sales', label: 'Sales reports', permission: 'reports.read' },
  { href: '/box-office/allocations', label: 'Allocations', permission: 'allocations.manage' },
  { href: '/box-office/partners', label: 'Partners', permission: 'partners.verify' },
  { href: '/box-office/allotments', label: 'Allotments', permission: 'access.review' },
  { href: '/box-office/requests', label: 'Donation requests', permission: 'access.review' },
  { href: '/box-office/fund', label: 'Access fund', permission: 'access.reports' },
  { href: '/box-office/reports', label: 'Access reports', permission: 'access.reports' },
  { href: '/box-office/audit', label: 'Audit log', permission: 'audit.read' },
];

export function boxOfficeSections(user: CurrentUser) {
  return SECTIONS.filter((s) => can(user, s.permission));
}

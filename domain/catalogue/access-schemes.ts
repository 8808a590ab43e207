/** The three access routes linked from every film page. */
export const ACCESS_PAGES = {
  indigenous: {
    title: 'Indigenous Access Tickets',
    lead: 'Free tickets for First Nations, Métis and Inuit audience members, set aside at every screening.',
    body: 'A number of places at each screening are reserved for Indigenous audience members, at no cost and with no proof of status required. You will be able to claim up to two tickets per screening here.',
  },
  community: {
    title: 'Community Access Tickets',
    lead: 'Free tickets for people for whom the price of a ticket is a barrier.',
    body: 'Places at each screening are set aside for people facing financial barriers, funded in part by audience donations. You will be able to request tickets here, no questions asked.',
  },
  'donation-requests': {
    title: 'Ticket Donation Requests',
    lead: 'For community partner organisations requesting donated tickets for the people they serve.',
    body: 'Partner organisations will be able to sign in, request donated tickets for a screening and receive them to pass on. Audience members will be able to donate a ticket to the access fund when they book.',
  },
} as const;

export type AccessPageKey = keyof typeof ACCESS_PAGES;

export function isAccessPageKey(value: string): value is AccessPageKey {
  return Object.hasOwn(ACCESS_PAGES, value);
}

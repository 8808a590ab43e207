import { accessScheme, type AccessScheme } from '@/db/schema/screenings';

export type { AccessScheme };

export interface AccessSchemeInfo {
  scheme: AccessScheme;
  /** The last part of its page's URL, /access/[slug]. */
  slug: string;
  /** Its name in lists (the allocations of a screening). */
  label: string;
  /** Its page's title and the link to it. */
  title: string;
  lead: string;
  body: string;
  /** One line under the link on a film page. */
  blurb: string;
}

/**
 * Every access scheme once: its value (the access_scheme enum, and the kind of its inventory pool), its URL slug,
 * its labels and its page's texts. Everything else about the schemes is derived from this table.
 */
const SCHEMES: Record<AccessScheme, Omit<AccessSchemeInfo, 'scheme'>> = {
  indigenous_access: {
    slug: 'indigenous',
    label: 'Indigenous Access',
    title: 'Indigenous Access Tickets',
    lead: 'Free tickets for First Nations, Métis and Inuit audience members, set aside at every screening.',
    body: 'Sign in with your email, choose a screening and how many tickets you need, and tick one box to say that you are First Nations, Métis or Inuit. There is no proof to show and no question about your Nation or ancestry, and we keep nothing beyond the fact of the claim. Your tickets are confirmed straight away, free, and emailed to you like any other ticket.',
    blurb: 'Free tickets for First Nations, Métis and Inuit audience members: claim them online, no proof needed.',
  },
  community_access: {
    slug: 'community',
    label: 'Community Access',
    title: 'Community Access Tickets',
    lead: 'Free tickets for people for whom the price of a ticket is a barrier, given through the community organisations that know them.',
    body: 'Places at each screening are set aside for Community Access. Verified partner organisations receive a share of them and pass the tickets, or single-use access codes, to the people they work with. Nobody is asked to prove anything.',
    blurb: 'Free tickets through our community partner organisations, or with an access code.',
  },
  donated: {
    slug: 'donation-requests',
    label: 'Donated tickets',
    title: 'Ticket Donation Requests',
    lead: 'Community partner organisations ask for donated tickets for the people they serve; the access fund, given by our audience, pays for them.',
    body: 'A verified partner organisation signs in, chooses screenings (or a few days) and tells us how many tickets it needs and who they are for. Festival staff read every request and email the decision. Approved tickets appear in the partner portal, where the organisation adds each guest’s name and prints or forwards the tickets.',
    blurb: 'Partner organisations ask for donated tickets for the people they serve.',
  },
};

/** The schemes in the order the site lists them. */
export const ACCESS_SCHEMES: readonly AccessSchemeInfo[] = accessScheme.enumValues.map((scheme) => ({ scheme, ...SCHEMES[scheme] }));

export function accessSchemeInfo(scheme: AccessScheme): AccessSchemeInfo {
  return { scheme, ...SCHEMES[scheme] };
}

/** The scheme's page, optionally for one film (the page links back to it). */
export function accessSchemePath(scheme: AccessScheme, filmSlug?: string): string {
  const path = `/access/${SCHEMES[scheme].slug}`;
  return filmSlug === undefined ? path : `${path}?film=${filmSlug}`;
}

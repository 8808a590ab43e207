/*
 * The Ticket Donation Requests operations of issue 8, registered on the shared registry like paths.ts.
 */
export {};

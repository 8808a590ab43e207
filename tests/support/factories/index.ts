/**
 * Test data builders, one file per aggregate. Everything past the catalogue
 * and the accounts is made by the domain's own commands (holdSeats,
 * beginCheckout, fulfilOrder), so a test's data obeys the rules it tests.
 */
export * from './unique';
export * from './catalogue';
export * from './accounts';
export * from './holds';
export * from './orders';
export * from './stripe-events';

/**
 * The test cards the hosted page and the `pay` control accept. 4242…, 0002
 * and 3220 are Stripe's own test numbers; 3238 ("fails after a delay") is
 * this project's convention for an asynchronous payment that fails.
 */
export type CardOutcome = 'succeeds' | 'declined' | 'succeeds_after_delay' | 'fails_after_delay';

export interface TestCard {
  number: string;
  outcome: CardOutcome;
  description: string;
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', outcome: 'succeeds', description: 'Payment succeeds' },
  { number: '4000000000000002', outcome: 'declined', description: 'Card is declined' },
  { number: '4000000000003220', outcome: 'succeeds_after_delay', description: 'Payment succeeds after a short delay' },
  { number: '4000000000003238', outcome: 'fails_after_delay', description: 'Payment fails after a short delay' },
];

export const DECLINED_MESSAGE = 'Your card was declined.';
export const UNKNOWN_CARD_MESSAGE = 'Use one of the test cards listed below.';

/** People type card numbers with spaces or dashes; neither is significant. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function findTestCard(input: string): TestCard | undefined {
  const number = normalizeCardNumber(input);
  return TEST_CARDS.find((card) => card.number === number);
}

/** "4242424242424242" → "4242 4242 4242 4242". */
export function groupCardNumber(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

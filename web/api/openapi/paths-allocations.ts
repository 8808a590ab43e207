/*
 * The allocations operations of issue 8 (access programmes), registered on the shared registry like paths.ts.
 */
export {};

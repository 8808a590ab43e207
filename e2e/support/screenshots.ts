import type { Page, TestInfo } from '@playwright/test';

/** Full-page screenshots at phone and desktop widths, kept as test artifacts. */
export async function captureWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const body = await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}-${width}.png`) });
    await testInfo.attach(`${name}-${width}px`, { body, contentType: 'image/png' });
  }
}

import path from 'node:path';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { bootTestDatabase, type BootedDatabase } from './lib/database';
import { nextBin, run } from './lib/run';
import { checkRunner } from './lib/runner-check';

/**
 * `npm test`: the runner check (a failing test fails every test command),
 * lint, typecheck, unit, integration (fresh database), then a production
 * build and the Playwright journeys against it. Stages can be picked:
 * `tsx scripts/test-all.ts e2e`.
 */
const ALL = ['runner', 'lint', 'typecheck', 'unit', 'integration', 'build', 'system', 'e2e'] as const;
type Stage = (typeof ALL)[number];
const requested = process.argv.slice(2).filter((a): a is Stage => (ALL as readonly string[]).includes(a));
const stages: Stage[] = requested.length ? requested : [...ALL];
const needsBuild = stages.find((s) => s === 'system' || s === 'e2e');
if (needsBuild && !stages.includes('build') && !existsSync('.next/BUILD_ID')) stages.splice(stages.indexOf(needsBuild), 0, 'build');

/** Vitest's reports; the runner check points its nested run elsewhere. */
const RESULTS = process.env.MARQUEE_TEST_RESULTS ?? 'test-results';
const report = (name: string) => path.join(RESULTS, `${name}.json`);

const counts = { passed: 0, failed: 0, skipped: 0 };

/** Adds a report's counts; returns whether it shows a clean run (a missing report is not one). */
function readVitest(file: string): boolean {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; success: boolean };
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
  counts.skipped += r.numPendingTests;
  return r.success && r.numFailedTests === 0;
}

function readPlaywright(file: string): boolean {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  counts.passed += r.stats.expected + r.stats.flaky;
  counts.failed += r.stats.unexpected;
  counts.skipped += r.stats.skipped;
  return r.stats.unexpected === 0;
}

async function main() {
  mkdirSync('test-results', { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const bin = (name: string) => `node_modules/.bin/${name}`;
  let database: BootedDatabase | undefined;
  const failures: string[] = [];
  const stageRun = async (stage: Stage, fn: () => Promise<number>) => {
    console.log(`\n━━ ${stage} ━━`);
    const started = Date.now();
    const code = await fn();
    console.log(`━━ ${stage}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0) failures.push(stage);
    return code;
  };

  try {
    for (const stage of stages) {
      if (stage === 'runner') await stageRun(stage, checkRunner);
      if (stage === 'lint') await stageRun(stage, () => run(bin('eslint'), ['.', '--max-warnings=0']));
      if (stage === 'typecheck') await stageRun(stage, () => run(bin('tsc'), ['--noEmit', '-p', '.']));
      if (stage === 'unit') {
        rmSync(report('unit'), { force: true });
        await stageRun(stage, () => run(bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${report('unit')}`]));
        if (!readVitest(report('unit')) && !failures.includes(stage)) failures.push(stage);
      }
      if ((stage === 'integration' || stage === 'system' || stage === 'e2e') && !database) database = await bootTestDatabase();
      if (stage === 'integration') {
        rmSync(report('integration'), { force: true });
        await stageRun(stage, () =>
          run(
            bin('vitest'),
            ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${report('integration')}`],
            { ...process.env, TEST_DATABASE_URL: database!.url, TZ: 'Asia/Kolkata' },
          ),
        );
        if (!readVitest(report('integration')) && !failures.includes(stage)) failures.push(stage);
      }
      if (stage === 'build') {
        // The build must not need a database: no DATABASE_URL on purpose.
        const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
        delete env.DATABASE_URL;
        await stageRun(stage, () => run(process.execPath, [nextBin, 'build'], env));
      }
      if (stage === 'system') {
        if (failures.includes('build')) continue;
        rmSync(report('system'), { force: true });
        await stageRun(stage, () =>
          run(
            bin('vitest'),
            ['run', '--project', 'system', '--reporter=default', '--reporter=json', `--outputFile.json=${report('system')}`],
            { ...process.env, TEST_DATABASE_URL: database!.url, TZ: 'America/Sao_Paulo' },
          ),
        );
        if (!readVitest(report('system')) && !failures.includes(stage)) failures.push(stage);
      }
      if (stage === 'e2e') {
        if (failures.includes('build')) continue;
        rmSync('test-results/e2e-results.json', { force: true });
        await stageRun(stage, () => run(bin('playwright'), ['test'], { ...process.env, DATABASE_URL: database!.url }));
        if (!readPlaywright('test-results/e2e-results.json') && !failures.includes(stage)) failures.push(stage);
      }
    }
  } finally {
    await database?.stop();
  }

  console.log(`\nstages: ${stages.join(', ')}${failures.length ? ` — failed: ${failures.join(', ')}` : ' — all ok'}`);
  console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

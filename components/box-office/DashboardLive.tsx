'use client';

import { useEffect, useState } from 'react';
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { formatCents } from '@/lib/format';
import { formatDayShort, formatIsoDateShort, formatTime } from '@/lib/time';
import type { DashboardBody } from '@/web/api/serialize-dashboard';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** About every ten seconds: a door sale or a scan shows up on the desk's laptop without anyone reloading. */
const POLL_MS = 10_000;

const SCHEME_SHORT: Record<string, string> = { indigenous_access: 'Indigenous', community_access: 'Community', donated: 'Donated' };

const cell = 'border-b border-stone-200 px-3 py-2 text-right tabular-nums';
const head = 'border-b border-stone-400 px-3 py-2 text-right font-semibold';
const headLeft = 'border-b border-stone-400 px-3 py-2 text-left font-semibold';

/**
 * The dashboard's figures, rendered from the page's first read and then from GET /api/v1/box-office/dashboard every
 * ten seconds while the tab is visible. Each chart (chart.js, a canvas) is described by its own caption and followed
 * by the table of the same figures, which is what screen readers and keyboard users read. The figures are not a live
 * region: a screen reader would hear them every ten seconds; the "as of" time says how fresh they are.
 */
export function DashboardLive({ initial }: { initial: DashboardBody }) {
  const [data, setData] = useState(initial);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const res = await fetch('/api/v1/box-office/dashboard', { headers: { accept: 'application/json' }, cache: 'no-store' });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as DashboardBody;
        if (!stopped) {
          setData(body);
          setFailed(false);
        }
      } catch {
        if (!stopped) setFailed(true);
      }
    };
    const id = setInterval(() => void load(), POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      stopped = true;
      clearInterval(id);
      document.removeEventListener('visibilitychange', load);
    };
  }, []);

  const tz = data.timeZone;
  const money = (cents: number) => formatCents(cents, data.currency);
  const revenueTotal = data.revenue.reduce((n, d) => n + d.netCents, 0);

  return (
    <div className="grid gap-10">
      <p className="text-sm text-muted">
        As of <time dateTime={data.updatedAt} data-testid="dashboard-updated">{formatTime(new Date(data.updatedAt), tz)}</time>
        {failed ? '; the latest figures could not be loaded, trying again.' : '; updates every 10 seconds.'}
      </p>

      <section aria-labelledby="dash-screenings">
        <h2 id="dash-screenings" className="font-serif text-2xl font-bold">
          Today and next
        </h2>
        {data.screenings.length === 0 ? (
          <p className="mt-2">No screenings today or later.</p>
        ) : (
          <>
            <figure className="mt-3 rounded-lg border border-stone-300 bg-white p-3">
              <figcaption className="mb-2 text-sm font-semibold" id="dash-screenings-chart">
                General sale per screening: sold, held and available places (the table below has every figure)
              </figcaption>
              <div className="h-64">
                <Bar
                  role="img"
                  aria-labelledby="dash-screenings-chart"
                  options={{ maintainAspectRatio: false, responsive: true, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }}
                  data={{
                    labels: data.screenings.map((s) => `${formatTime(new Date(s.startsAt), tz)} ${s.title}`.slice(0, 28)),
                    datasets: [
                      { label: 'Sold', data: data.screenings.map((s) => s.sold), backgroundColor: '#1e3a8a' },
                      { label: 'Held', data: data.screenings.map((s) => s.held), backgroundColor: '#b45309' },
                      { label: 'Available', data: data.screenings.map((s) => s.available), backgroundColor: '#a8a29e' },
                    ],
                  }}
                />
              </div>
            </figure>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[48rem] border-collapse bg-white text-sm" data-testid="dashboard-screenings">
                <caption className="sr-only">Today&apos;s and the next screenings with their live figures</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headLeft}>Screening</th>
                    <th scope="col" className={head}>Sold</th>
                    <th scope="col" className={head}>Held</th>
                    <th scope="col" className={head}>Available</th>
                    <th scope="col" className={headLeft}>Access used / set aside</th>
                    <th scope="col" className={head}>Checked in</th>
                  </tr>
                </thead>
                <tbody>
                  {data.screenings.map((s) => (
                    <tr key={s.id} data-screening={s.id}>
                      <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal">
                        {s.title}
                        <span className="block text-xs text-muted">
                          <time dateTime={s.startsAt}>
                            {formatDayShort(new Date(s.startsAt), tz)}, {formatTime(new Date(s.startsAt), tz)}
                          </time>{' '}
                          · {s.venue}
                          {s.status === 'cancelled' ? ' · cancelled' : ''}
                        </span>
                      </th>
                      <td className={cell} data-figure="sold">{s.sold}</td>
                      <td className={cell} data-figure="held">{s.held}</td>
                      <td className={cell} data-figure="available">{s.available}</td>
                      <td className="border-b border-stone-200 px-3 py-2 text-left text-xs">
                        {s.access.length === 0
                          ? '—'
                          : s.access.map((a) => (
                              <span key={a.scheme} className="block">
                                {SCHEME_SHORT[a.scheme] ?? a.scheme}: {a.used} / {a.allocated}
                              </span>
                            ))}
                      </td>
                      <td className={cell} data-figure="checked-in">{s.checkedIn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="dash-revenue">
        <h2 id="dash-revenue" className="font-serif text-2xl font-bold">
          Money in, by day
        </h2>
        <p className="mt-1 text-sm text-muted">
          Payments taken (Stripe, cash, card terminal) less refunds, per festival day; {money(revenueTotal)} over these {data.revenue.length} days.
        </p>
        <figure className="mt-3 rounded-lg border border-stone-300 bg-white p-3">
          <figcaption className="mb-2 text-sm font-semibold" id="dash-revenue-chart">
            Net money in per day, last {data.revenue.length} days (the table below has every figure)
          </figcaption>
          <div className="h-56">
            <Bar
              role="img"
              aria-labelledby="dash-revenue-chart"
              options={{ maintainAspectRatio: false, responsive: true, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }}
              data={{
                labels: data.revenue.map((d) => formatIsoDateShort(d.day)),
                datasets: [{ label: `Net (${data.currency})`, data: data.revenue.map((d) => d.netCents / 100), backgroundColor: '#166534' }],
              }}
            />
          </div>
        </figure>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[32rem] border-collapse bg-white text-sm" data-testid="dashboard-revenue">
            <caption className="sr-only">Money in per day</caption>
            <thead>
              <tr>
                <th scope="col" className={headLeft}>Day</th>
                <th scope="col" className={head}>Taken</th>
                <th scope="col" className={head}>Refunded</th>
                <th scope="col" className={head}>Net</th>
              </tr>
            </thead>
            <tbody>
              {[...data.revenue].reverse().map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal">
                    {formatIsoDateShort(d.day)}
                    {d.day === data.today ? ' (today)' : ''}
                  </th>
                  <td className={cell}>{money(d.takenCents)}</td>
                  <td className={cell}>{money(d.refundedCents)}</td>
                  <td className={cell} data-figure="net">{money(d.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

import type { SeatMapSeat } from '@/domain/catalogue/screenings';

const SEAT = 14;
const GAP = 4;

function fillFor(seat: SeatMapSeat): string {
  if (seat.state !== 'available') return '#a8a29e';
  if (seat.kind === 'wheelchair') return '#1d4ed8';
  if (seat.kind === 'companion') return '#0f766e';
  return '#15803d';
}

/** Read-only picture of the house for this screening; the counts beside it carry the same facts as text. */
export function SeatMapPreview({ seats }: { seats: SeatMapSeat[] }) {
  const width = Math.max(...seats.map((s) => s.x)) + 1;
  const height = Math.max(...seats.map((s) => s.y)) + 1;
  const rows = [...new Set(seats.map((s) => `${s.y}|${s.row}`))].map((k) => k.split('|') as [string, string]);
  const available = seats.filter((s) => s.state === 'available');
  const count = (kind: SeatMapSeat['kind']) => available.filter((s) => s.kind === kind).length;
  const label = 22;
  const w = label + width * (SEAT + GAP);
  const h = 30 + height * (SEAT + GAP);
  return (
    <figure className="rounded-lg border border-stone-300 bg-white p-4">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        className="h-auto w-full max-w-xl"
        role="img"
        aria-label={`Seat map: ${available.length} of ${seats.length} seats free, including ${count('wheelchair')} wheelchair spaces and ${count('companion')} companion seats.`}
      >
        <rect x={label} y={0} width={width * (SEAT + GAP) - GAP} height={8} rx={3} fill="#44403c" />
        <text x={label + (width * (SEAT + GAP)) / 2} y={22} textAnchor="middle" fontSize={9} fill="#44403c">
          SCREEN
        </text>
        {rows.map(([y, row]) => (
          <text key={row} x={0} y={30 + Number(y) * (SEAT + GAP) + SEAT - 3} fontSize={10} fill="#44403c">
            {row}
          </text>
        ))}
        {seats.map((s) => (
          <rect
            key={s.id}
            x={label + s.x * (SEAT + GAP)}
            y={30 + s.y * (SEAT + GAP)}
            width={SEAT}
            height={SEAT}
            rx={s.kind === 'wheelchair' ? 7 : 3}
            fill={fillFor(s)}
          />
        ))}
      </svg>
      <figcaption className="mt-3 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-sm bg-[#15803d]" />
            Free seat ({count('standard') + count('aisle')})
          </li>
          <li>
            <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-full bg-[#1d4ed8]" />
            Wheelchair space ({count('wheelchair')})
          </li>
          <li>
            <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-sm bg-[#0f766e]" />
            Companion seat ({count('companion')})
          </li>
          <li>
            <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-sm bg-[#a8a29e]" />
            Taken or unavailable ({seats.length - available.length})
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

import type { JSX } from 'react';
import { CheckMark, Cross, KIND_CLASSES, KIND_TEXT, TAKEN_CLASSES } from '@/components/booking/SeatBox';

function Swatch({ className, children }: { className: string; children?: JSX.Element }): JSX.Element {
  return (
    <span aria-hidden="true" className={`inline-grid h-5 w-5 shrink-0 place-items-center border-2 text-[10px] font-semibold ${className}`}>
      {children}
    </span>
  );
}

/** Visible key: every entry pairs colour with a shape and words. */
export function SeatLegend(): JSX.Element {
  const item = 'flex items-center gap-2';
  return (
    <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm">
      <li className={item}>
        <Swatch className={`${KIND_CLASSES.standard} ${KIND_TEXT.standard}`}>
          <span>7</span>
        </Swatch>
        Free seat (square, numbered)
      </li>
      <li className={item}>
        <Swatch className={KIND_CLASSES.wheelchair} />
        Wheelchair space (round)
      </li>
      <li className={item}>
        <Swatch className={KIND_CLASSES.companion} />
        Companion seat (dashed edge), with a wheelchair space
      </li>
      <li className={item}>
        <Swatch className="rounded-md border-[3px] border-stone-950 bg-accent text-white">
          <CheckMark />
        </Swatch>
        Your choice (tick, thick border)
      </li>
      <li className={item}>
        <Swatch className={`rounded-md ${TAKEN_CLASSES}`}>
          <Cross />
        </Swatch>
        Taken (cross)
      </li>
    </ul>
  );
}

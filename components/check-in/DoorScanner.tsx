'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { IScannerControls } from '@zxing/browser';
import { admitOffline, dropSynced, loadQueue, rawDevice, rawList, rawQueue, saveDevice, saveList, subscribeDoorStore, subscribeOnline, type QueuedScan, type StoredDoorList } from './offline-door';

/**
 * The door's scanner, for a phone: camera QR scanning (@zxing/browser), a QR image file, a typed code and name search.
 * Online, every scan goes to POST /api/v1/check-ins, where admission is atomic. It keeps the screening's door list
 * (hashes only) fresh while online; when the network drops it admits from that list, queues the admissions, and syncs
 * them as soon as it is back (and every 10 seconds while any wait), showing any ticket admitted on two devices.
 */

type Method = 'qr' | 'code' | 'name';

interface Panel {
  tone: 'ok' | 'bad' | 'info';
  title: string;
  detail: string;
}

interface Conflict {
  id: string;
  ticketCode: string;
  seat: string | null;
  first: { deviceLabel: string; at: string; time: string; offline: boolean };
  second: { deviceLabel: string; at: string; time: string };
}

interface Summary {
  expected: number;
  admitted: number;
  duplicates: number;
  refused: number;
  conflicts: number;
  conflictList: Conflict[];
}

interface NameMatch {
  ticketId: string;
  holderName: string;
  buyerName: string;
  seat: string | null;
  ticketType: string;
  admitted: boolean;
}

const SUMMARY_EVERY_MS = 5_000;
const LIST_EVERY_MS = 15_000;
const SYNC_EVERY_MS = 10_000;
const SAME_CODE_PAUSE_MS = 3_000;

export function DoorScanner({ screeningId, initialSummary }: { screeningId: string; initialSummary: Summary }) {
  // The device's name, its door list and its queue live in localStorage; the server renders them empty.
  const device = useSyncExternalStore(subscribeDoorStore, rawDevice, () => '');
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const listRaw = useSyncExternalStore(subscribeDoorStore, () => rawList(screeningId), () => null);
  const queueRaw = useSyncExternalStore(subscribeDoorStore, rawQueue, () => null);
  const list = useMemo(() => (listRaw ? (JSON.parse(listRaw) as StoredDoorList) : null), [listRaw]);
  const waiting = useMemo(() => (queueRaw ? (JSON.parse(queueRaw) as QueuedScan[]).length : 0), [queueRaw]);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [summary, setSummary] = useState<Summary>(initialSummary);
  const [matches, setMatches] = useState<NameMatch[] | null>(null);
  const [searchNote, setSearchNote] = useState('');
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off');
  const [busy, setBusy] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const controlsRef = useRef<IScannerControls | null>(null);
  const lastCode = useRef<{ code: string; at: number } | null>(null);
  const syncing = useRef(false);

  const refreshSummary = useCallback(async () => {
    try {
      const res = await fetch(`/api/v1/screenings/${screeningId}/check-ins/summary`, { cache: 'no-store' });
      if (res.ok) setSummary((await res.json()) as Summary);
    } catch {
      // Offline: the counts wait for the network.
    }
  }, [screeningId]);

  const refreshList = useCallback(async () => {
    try {
      const res = await fetch(`/api/v1/screenings/${screeningId}/door-list`, { cache: 'no-store' });
      if (!res.ok) return;
      saveList((await res.json()) as StoredDoorList);
    } catch {
      // Offline: keep the list we have.
    }
  }, [screeningId]);

  const syncNow = useCallback(async () => {
    const queue = loadQueue();
    if (queue.length === 0 || syncing.current || !navigator.onLine) return;
    const label = rawDevice() || 'Unnamed device';
    syncing.current = true;
    try {
      const res = await fetch('/api/v1/check-ins/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deviceLabel: label, scans: queue.slice(0, 500) }),
      });
      if (!res.ok) return;
      const body = (await res.json()) as { admitted: number; conflicts: number; scans: { clientScanId: string; result: string; message: string; conflict: unknown }[] };
      dropSynced(body.scans.map((s) => s.clientScanId));
      const conflicts = body.scans.filter((s) => s.conflict);
      if (conflicts.length > 0) {
        setPanel({ tone: 'bad', title: `Synced: ${conflicts.length} ticket${conflicts.length === 1 ? '' : 's'} admitted twice`, detail: conflicts.map((c) => c.message).join(' ') });
      } else {
        setPanel({ tone: 'info', title: 'Synced', detail: `${body.scans.length} offline scan${body.scans.length === 1 ? '' : 's'} sent; no ticket was admitted twice.` });
      }
      await Promise.all([refreshSummary(), refreshList()]);
    } catch {
      // Still no network: the queue stays, and the next attempt sends it.
    } finally {
      syncing.current = false;
    }
  }, [refreshList, refreshSummary]);

  useEffect(() => {
    // Back online: sync at once rather than at the next tick.
    const goOnline = () => void syncNow();
    window.addEventListener('online', goOnline);
    const timers = [
      window.setTimeout(() => {
        void refreshList();
        void syncNow();
      }, 0),
      window.setInterval(() => navigator.onLine && void refreshSummary(), SUMMARY_EVERY_MS),
      window.setInterval(() => navigator.onLine && void refreshList(), LIST_EVERY_MS),
      window.setInterval(() => void syncNow(), SYNC_EVERY_MS),
    ];
    return () => {
      window.removeEventListener('online', goOnline);
      timers.forEach((t) => window.clearInterval(t));
    };
  }, [refreshList, refreshSummary, syncNow]);

  useEffect(() => () => controlsRef.current?.stop(), []);

  const scanOffline = useCallback(
    async (code: string, method: 'qr' | 'code') => {
      const outcome = await admitOffline(screeningId, code, method);
      if (outcome.result === 'admitted') {
        setPanel({ tone: 'ok', title: 'Admitted (offline)', detail: `${outcome.seat ? `${outcome.seat}. ` : ''}Checked against the door list; it syncs when the network is back.` });
      } else if (outcome.result === 'duplicate') {
        setPanel({ tone: 'bad', title: 'Not admitted: already admitted', detail: `${outcome.seat ? `${outcome.seat}. ` : ''}The door list says this ticket was already let in.` });
      } else {
        setPanel({ tone: 'bad', title: 'Not admitted', detail: outcome.message });
      }
    },
    [screeningId],
  );

  const scan = useCallback(
    async (input: { code: string } | { ticketId: string }, method: Method) => {
      const label = device.trim();
      if (!label) {
        setPanel({ tone: 'bad', title: 'Name this device first', detail: 'Type a name such as "Door 2" so that each admission says where it happened.' });
        return;
      }
      setBusy(true);
      try {
        if (!navigator.onLine && 'code' in input && method !== 'name') return await scanOffline(input.code, method);
        let res: Response;
        try {
          res = await fetch('/api/v1/check-ins', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ screeningId, deviceLabel: label, method, ...input }),
          });
        } catch {
          if ('code' in input && method !== 'name') return await scanOffline(input.code, method);
          setPanel({ tone: 'bad', title: 'No network', detail: 'Name search needs the network. Scan the QR code or type the ticket code instead.' });
          return;
        }
        const body = (await res.json()) as { result?: string; message: string; ticket?: { holderName: string; seat: string | null; ticketType: string } };
        if (res.ok && body.result === 'admitted') {
          setPanel({ tone: 'ok', title: 'Admitted', detail: body.message });
        } else {
          setPanel({ tone: 'bad', title: body.result === 'duplicate' ? 'Not admitted: already admitted' : 'Not admitted', detail: body.message });
        }
        void refreshSummary();
      } finally {
        setBusy(false);
      }
    },
    [device, refreshSummary, scanOffline, screeningId],
  );

  const onDecoded = useCallback(
    (text: string) => {
      const now = Date.now();
      // The camera reads the same code many times a second while it is held up: one scan per code per pause.
      if (lastCode.current && lastCode.current.code === text && now - lastCode.current.at < SAME_CODE_PAUSE_MS) return;
      lastCode.current = { code: text, at: now };
      void scan({ code: text }, 'qr');
    },
    [scan],
  );

  async function startCamera() {
    if (!videoRef.current) return;
    setCamera('starting');
    try {
      const { BrowserQRCodeReader } = await import('@zxing/browser');
      const reader = new BrowserQRCodeReader();
      controlsRef.current = await reader.decodeFromVideoDevice(undefined, videoRef.current, (result) => {
        if (result) onDecoded(result.getText());
      });
      setCamera('on');
    } catch {
      setCamera('off');
      setPanel({ tone: 'bad', title: 'No camera', detail: 'The camera could not be opened. Allow camera access, or upload a photo of the QR code, or type the code.' });
    }
  }

  function stopCamera() {
    controlsRef.current?.stop();
    controlsRef.current = null;
    setCamera('off');
  }

  async function onImage(file: File | undefined) {
    if (!file) return;
    const url = URL.createObjectURL(file);
    try {
      const { BrowserQRCodeReader } = await import('@zxing/browser');
      const result = await new BrowserQRCodeReader().decodeFromImageUrl(url);
      await scan({ code: result.getText() }, 'qr');
    } catch {
      setPanel({ tone: 'bad', title: 'No QR code found', detail: 'No QR code could be read in that image. Try again closer, or type the code.' });
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get('code') ?? '').trim();
    if (!code) return;
    void scan({ code }, 'code').then(() => form.reset());
  }

  async function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (q.length < 2) {
      setSearchNote('Type at least 2 letters of a name.');
      return;
    }
    try {
      const res = await fetch(`/api/v1/screenings/${screeningId}/door-tickets?q=${encodeURIComponent(q)}`, { cache: 'no-store' });
      const body = (await res.json()) as { results?: NameMatch[]; message?: string };
      setMatches(body.results ?? []);
      setSearchNote(res.ok ? `${body.results?.length ?? 0} ticket${body.results?.length === 1 ? '' : 's'} found${body.results?.length === 20 ? ' (the first 20: type more of the name)' : ''}.` : (body.message ?? 'Search failed.'));
    } catch {
      setMatches(null);
      setSearchNote('Name search needs the network: the offline list holds no names.');
    }
  }

  const tone = panel?.tone === 'ok' ? 'border-green-800 bg-green-700 text-white' : panel?.tone === 'bad' ? 'border-red-900 bg-red-700 text-white' : 'border-stone-400 bg-white text-ink';
  const button = 'rounded-md bg-ink px-4 py-3 font-semibold text-white hover:bg-stone-700 disabled:opacity-60';
  const input = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-3 text-lg';

  return (
    <div className="space-y-6">
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="scan-result" data-tone={panel?.tone ?? 'none'} className={`min-h-28 rounded-lg border-4 p-5 ${tone}`}>
        {panel ? (
          <>
            <p className="text-3xl font-bold">{panel.title}</p>
            <p className="mt-2 text-lg">{panel.detail}</p>
          </>
        ) : (
          <p className="text-lg">Ready to scan.</p>
        )}
      </div>

      <section aria-labelledby="counts-heading" className="rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="counts-heading" className="sr-only">
          Counts
        </h2>
        <p className="text-2xl font-bold" data-testid="admitted-count">
          {summary.admitted} of {summary.expected} admitted
        </p>
        <p className="text-sm text-muted">
          {summary.duplicates} second scan{summary.duplicates === 1 ? '' : 's'} turned away · {summary.refused} refused · {summary.conflicts} admitted twice
        </p>
        <p className="mt-1 text-sm" data-testid="door-list-status">
          {online ? 'Online.' : 'Offline: checking tickets against the door list.'}{' '}
          {list ? `Door list: ${list.entries.length} tickets, updated ${list.generatedAtTime ?? ''}` : 'No door list on this device yet.'}{' '}
          {waiting > 0 ? `${waiting} offline admission${waiting === 1 ? '' : 's'} waiting to sync.` : ''}
        </p>
      </section>

      <section aria-labelledby="device-heading" className="space-y-2">
        <h2 id="device-heading" className="font-serif text-xl font-bold">
          This device
        </h2>
        <label htmlFor="device-label" className="block font-semibold">
          Device name
        </label>
        <input
          id="device-label"
          value={device}
          maxLength={40}
          autoComplete="off"
          placeholder="Door 2"
          onChange={(e) => saveDevice(e.target.value)}
          className={input}
        />
      </section>

      <section aria-labelledby="scan-heading" className="space-y-3">
        <h2 id="scan-heading" className="font-serif text-xl font-bold">
          Scan a QR code
        </h2>
        <video ref={videoRef} className={camera === 'off' ? 'hidden' : 'w-full rounded-lg bg-black'} muted playsInline aria-label="Camera view" />
        <div className="flex flex-wrap gap-3">
          {camera === 'off' ? (
            <button type="button" className={button} onClick={() => void startCamera()}>
              Start camera
            </button>
          ) : (
            <button type="button" className={button} onClick={stopCamera}>
              Stop camera
            </button>
          )}
        </div>
        <label htmlFor="qr-image" className="block font-semibold">
          Or scan a photo of a QR code
        </label>
        <input id="qr-image" type="file" accept="image/*" className="block w-full text-base" onChange={(e) => void onImage(e.target.files?.[0]).then(() => (e.target.value = ''))} />
      </section>

      <section aria-labelledby="code-heading">
        <h2 id="code-heading" className="font-serif text-xl font-bold">
          Type the code
        </h2>
        <form onSubmit={onCode} className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="grow">
            <label htmlFor="ticket-code" className="block font-semibold">
              Ticket code
            </label>
            <input id="ticket-code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="ABCD-EFGH-JKMN" className={input} />
          </div>
          <button type="submit" className={button} disabled={busy}>
            Check in
          </button>
        </form>
      </section>

      <section aria-labelledby="name-heading">
        <h2 id="name-heading" className="font-serif text-xl font-bold">
          Find by name
        </h2>
        <form onSubmit={(e) => void onSearch(e)} className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="grow">
            <label htmlFor="name-search" className="block font-semibold">
              Holder or buyer name
            </label>
            <input id="name-search" name="q" type="search" maxLength={80} autoComplete="off" className={input} />
          </div>
          <button type="submit" className={button}>
            Search
          </button>
        </form>
        <p className="mt-2 text-sm" aria-live="polite">
          {searchNote}
        </p>
        {matches && matches.length > 0 ? (
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {matches.map((m) => (
              <li key={m.ticketId} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <div>
                  <p className="font-semibold">{m.holderName}</p>
                  <p className="text-sm text-muted">
                    {m.seat ?? 'General admission'} · {m.ticketType}
                    {m.buyerName !== m.holderName ? ` · bought by ${m.buyerName}` : ''}
                    {m.admitted ? ' · already admitted' : ''}
                  </p>
                </div>
                <button
                  type="button"
                  className={button}
                  disabled={busy}
                  aria-label={`Admit ${m.holderName}${m.seat ? `, ${m.seat}` : ''}`}
                  onClick={() => void scan({ ticketId: m.ticketId }, 'name').then(() => setMatches((all) => all?.map((x) => (x.ticketId === m.ticketId ? { ...x, admitted: true } : x)) ?? null))}
                >
                  Admit
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading" className="font-serif text-xl font-bold">
          Admitted twice ({summary.conflictList.length})
        </h2>
        {summary.conflictList.length === 0 ? (
          <p className="mt-1 text-sm text-muted">No ticket has been admitted on two devices.</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="conflicts">
            {summary.conflictList.map((c) => (
              <li key={c.id} className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-sm">
                Ticket {c.ticketCode}
                {c.seat ? ` (${c.seat})` : ''}: admitted at {c.first.time} by {c.first.deviceLabel}
                {c.first.offline ? ' (offline)' : ''} and offline at {c.second.time} by {c.second.deviceLabel}.
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

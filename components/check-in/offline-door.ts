import { normalizeTicketCode } from '@/lib/ticket-code';

/**
 * The device's side of the offline door, kept in localStorage: per screening, the door list (keyed hashes of valid
 * tickets' codes, admitted state, seat; never names) and the hashes this device admitted; across screenings, the queue
 * of offline admissions waiting to be synced. A queued scan keeps the code it read only until the server has it.
 */

export interface DoorListEntry {
  h: string;
  admitted: boolean;
  seat: string | null;
}

export interface StoredDoorList {
  screeningId: string;
  version: string;
  generatedAt: string;
  /** generatedAt as the festival's clock reads it, formatted by the server. */
  generatedAtTime?: string;
  key: string;
  entries: DoorListEntry[];
}

export interface QueuedScan {
  clientScanId: string;
  screeningId: string;
  code: string;
  scannedAt: string;
  method: 'qr' | 'code';
}

const LIST_PREFIX = 'marquee.door.list.';
const LOCAL_PREFIX = 'marquee.door.local.';
const QUEUE = 'marquee.door.queue';
export const DEVICE_KEY = 'marquee.door.device';
const HASH_LENGTH = 32;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

const CHANGED = 'marquee-door-store';

function write(key: string, value: unknown): void {
  window.localStorage.setItem(key, JSON.stringify(value));
  window.dispatchEvent(new Event(CHANGED));
}

/** For useSyncExternalStore: this tab's writes and other tabs' (the storage event). */
export function subscribeDoorStore(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** Raw snapshots (strings compare by value, so React re-renders only on a real change). */
export const rawList = (screeningId: string) => window.localStorage.getItem(LIST_PREFIX + screeningId);
export const rawQueue = () => window.localStorage.getItem(QUEUE);
export const rawDevice = () => window.localStorage.getItem(DEVICE_KEY) ?? '';

export function saveDevice(label: string): void {
  window.localStorage.setItem(DEVICE_KEY, label);
  window.dispatchEvent(new Event(CHANGED));
}

export function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function loadList(screeningId: string): StoredDoorList | null {
  return read<StoredDoorList | null>(LIST_PREFIX + screeningId, null);
}

export function saveList(list: StoredDoorList): void {
  write(LIST_PREFIX + list.screeningId, list);
}

export function loadQueue(): QueuedScan[] {
  return read<QueuedScan[]>(QUEUE, []);
}

export function saveQueue(queue: QueuedScan[]): void {
  write(QUEUE, queue);
}

function localAdmitted(screeningId: string): string[] {
  return read<string[]>(LOCAL_PREFIX + screeningId, []);
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOfHex(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(text.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** HMAC-SHA256(list key, normalized code), as domain/check-in/queries.ts computes it on the server. */
export async function doorHash(key: string, normalizedCode: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey('raw', bytesOfHex(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(normalizedCode));
  return hex(mac).slice(0, HASH_LENGTH);
}

export type OfflineOutcome =
  | { result: 'admitted'; seat: string | null }
  | { result: 'duplicate'; seat: string | null }
  | { result: 'refused'; message: string };

/**
 * Checks a scan against the downloaded list and, when the ticket is valid and not yet admitted (by the list or by
 * this device), admits it locally and queues it for the sync.
 */
export async function admitOffline(screeningId: string, raw: string, method: 'qr' | 'code'): Promise<OfflineOutcome> {
  const list = loadList(screeningId);
  if (!list) return { result: 'refused', message: 'No door list on this device for this screening: it cannot check tickets offline.' };
  const code = normalizeTicketCode(raw);
  if (!code) return { result: 'refused', message: 'That is not a ticket code of this festival.' };
  const h = await doorHash(list.key, code);
  const entry = list.entries.find((e) => e.h === h);
  if (!entry) return { result: 'refused', message: 'Not a valid ticket for this screening (checked offline against the door list).' };
  const mine = localAdmitted(screeningId);
  if (entry.admitted || mine.includes(h)) return { result: 'duplicate', seat: entry.seat };
  write(LOCAL_PREFIX + screeningId, [...mine, h]);
  saveQueue([...loadQueue(), { clientScanId: crypto.randomUUID(), screeningId, code, scannedAt: new Date().toISOString(), method }]);
  return { result: 'admitted', seat: entry.seat };
}

/** After a sync: the server has these scans, so the device forgets their codes. */
export function dropSynced(clientScanIds: readonly string[]): void {
  const done = new Set(clientScanIds);
  saveQueue(loadQueue().filter((s) => !done.has(s.clientScanId)));
}

// Orders: the statuses an order moves through and the notes people add to it (SPEC.md: orders:manage
// "change an order's status, add notes").
import { z } from "zod";
import { text } from "./text";
import { choiceField } from "./section-list";

export const ORDER_STATUSES = ["OPEN", "FULFILLED", "CANCELLED", "REFUNDED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}

/**
 * Where an order may go from each status:
 * - an open order is fulfilled (shipped) or cancelled;
 * - a fulfilled order can be refunded (money sent back after shipping);
 * - a cancelled order can be reopened, for a cancellation made by mistake;
 * - a refund is final.
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  OPEN: ["FULFILLED", "CANCELLED"],
  FULFILLED: ["REFUNDED"],
  CANCELLED: ["OPEN"],
  REFUNDED: [],
};

export function canChangeStatus(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return ORDER_TRANSITIONS[from];
}

/** Polaris badge tones, so a status looks the same on every screen. */
export const ORDER_STATUS_TONE: Record<OrderStatus, "attention" | "success" | "critical" | "info" | undefined> = {
  OPEN: "attention",
  FULFILLED: "success",
  CANCELLED: undefined,
  REFUNDED: "info",
};

const statusEnum = choiceField(ORDER_STATUSES, "sections.orders.errors.status");

/** `from` is the status the person saw: if someone changed it meanwhile, they are told instead of overriding it. */
export const orderStatusSchema = z.object({ status: statusEnum, from: statusEnum });

export const ORDER_NOTE_MAX_LENGTH = 1000;
/** All notes of one order together; beyond this the order is refused more notes (it would be a blog). */
export const ORDER_NOTES_MAX_TOTAL = 20_000;

export const orderNoteSchema = z.object({ note: text(ORDER_NOTE_MAX_LENGTH) });

/**
 * Notes are appended to the order's `note` text, each under a header line with its time and author, so the
 * whole history stays in one column and reads well anywhere (exports, the database). Text written before
 * (an imported note, the checkout note) stays on top as it was.
 */
const HEADER = /^\[note (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z) \| ([^\]\n]{1,200})\]$/;

export interface OrderNoteEntry {
  at: string;
  author: string;
  text: string;
}

export function appendNote(existing: string, entry: { at: Date; author: string; text: string }): string {
  const author = entry.author.replace(/[\]\n\r|]/g, " ").trim().slice(0, 200) || "?";
  // A line of the text that looks like a header would split the note in two when read back.
  const body = entry.text.replace(/^\[note /gm, "(note ");
  const block = `[note ${entry.at.toISOString()} | ${author}]\n${body}`;
  return existing.trim() ? `${existing.replace(/\s+$/, "")}\n\n${block}` : block;
}

export function parseNotes(note: string): { preamble: string; entries: OrderNoteEntry[] } {
  const entries: OrderNoteEntry[] = [];
  const preamble: string[] = [];
  let current: { at: string; author: string; lines: string[] } | null = null;
  const flush = () => {
    if (current) entries.push({ at: current.at, author: current.author, text: current.lines.join("\n").trim() });
  };
  for (const line of note.split(/\r?\n/)) {
    const match = HEADER.exec(line);
    if (match) {
      flush();
      current = { at: match[1], author: match[2], lines: [] };
    } else if (current) current.lines.push(line);
    else preamble.push(line);
  }
  flush();
  return { preamble: preamble.join("\n").trim(), entries };
}

/** "#1001" and "1001" both search for order number 1001. */
export function orderNumberFromSearch(q: string): number | null {
  const match = /^#?\s*(\d{1,9})$/.exec(q.trim());
  return match ? Number(match[1]) : null;
}

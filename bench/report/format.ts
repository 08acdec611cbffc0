// Number formats shared by the tables and the progress lines.
export const fmt = (n: number | undefined | null, digits = 0) => (n === undefined || n === null || !Number.isFinite(n) ? "–" : n.toFixed(digits));
export const kib = (bytes: number) => (bytes / 1024).toFixed(1);
export const count = (n: number) => n.toLocaleString("en");
export const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));
/** A change as the tables print it: "+9 %", "−3 %" (a real minus sign, so the column reads as text). */
export const signedPercent = (ratio: number) => `${ratio >= 0 ? "+" : "−"}${fmt(Math.abs(ratio) * 100)} %`;
/** "1 store", "5,342 stores". */
export const many = (n: number, one: string, other: string) => `${count(n)} ${n === 1 ? one : other}`;

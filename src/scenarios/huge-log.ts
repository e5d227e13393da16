const LINES = [
  '\u001b[32mINFO\u001b[0m  pg_restore: processing data for table "public.orders"',
  '\u001b[33mWARN\u001b[0m  row 48213: invalid byte sequence repaired in column "note": «Größe ≠ 42» — 注文の備考',
  '\u001b[36mDEBUG\u001b[0m copied 10000 rows into "public.line_items" (½ of batch, émoji 🐹 ok)',
  '\u001b[31mERROR\u001b[0m could not extend file "base/16385/24576": No space left on device — повторная попытка',
];

/**
 * About `bytes` bytes (UTF-8) of realistic log output: ANSI colours, multibyte text and emoji,
 * so UIs that render job output meet what real pg tools print. Never cuts a character in two.
 * @example Buffer.byteLength(hugeLog(1024 * 1024)) >= 1024 * 1024 // true
 */
export function hugeLog(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n += 1) {
    const line = `2026-06-18T09:${String(n % 60).padStart(2, '0')}:00Z ${LINES[n % LINES.length] ?? ''}\n`;
    parts.push(line);
    size += new TextEncoder().encode(line).length;
  }
  return parts.join('');
}

/** `2026-11-23 06:00:01 PT` in the zone (its generic name), or `2026-11-23 14:00:01 UTC`. */
export function instantFormatter(timeZone: string | undefined): (instant: string | Date | undefined) => string {
  const zone = timeZone ?? 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'shortGeneric' });
  return (instant) => {
    if (instant === undefined) return '';
    const date = typeof instant === 'string' ? new Date(instant) : instant;
    if (Number.isNaN(date.getTime())) return String(instant);
    const p = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
    const name = zone === 'UTC' ? 'UTC' : p['timeZoneName'];
    return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}:${p['second']} ${name}`;
  };
}

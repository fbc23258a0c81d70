/** A name the desktop can show for this phone, from what the browser says about itself. */
export function deviceNameFrom(userAgent: string): string {
  const android = /Android[^;)]*;\s*([^;)]+?)(?:\s+Build\/[^;)]*)?\)/.exec(userAgent);
  if (android?.[1] && android[1] !== 'K') return android[1].trim().slice(0, 40);
  if (/iPad/.test(userAgent)) return 'iPad';
  if (/iPhone/.test(userAgent)) return 'iPhone';
  if (/Android/.test(userAgent)) return 'Android phone';
  return 'Browser';
}

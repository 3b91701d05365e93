import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/**
 * A clock that ticks once a second and stops with its component: a wall runs for months and a
 * forgotten interval per re-mount is the classic slow leak.
 */
export function useClock(now: () => Date = () => new Date(), intervalMs = 1000): Ref<Date> {
  const current = ref(now());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => {
      current.value = now();
    }, intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return current;
}

/** `2026-11-23 星期一` and `10:59:03` for the title bar, in the wall's own time zone. */
export function formatClock(date: Date, locale = 'zh-CN'): { date: string; time: string } {
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(date);
  return { date: `${day} ${weekday}`, time };
}

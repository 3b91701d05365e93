/**
 * What every desk action shares: which records have a submit in flight (their buttons wait), and
 * the last refusal in the backend's words. A backend that does not take the action answers as a
 * refusal too, naming what it lacks.
 */
import { ref } from 'vue';

type Answer = { ok: true } | { ok: false; error: { reason: string; detail?: string } };

export function useDeskAction(unsupported: string) {
  const pending = ref(new Set<string>());
  const error = ref<string | null>(null);

  /** Submits for `id` (a record's id, or `new`); true when the backend did it. */
  async function run(id: string, submit: () => Promise<Answer> | null): Promise<boolean> {
    error.value = null;
    pending.value = new Set(pending.value).add(id);
    const result = await (submit() ?? Promise.resolve<Answer>({ ok: false, error: { reason: unsupported } }));
    const still = new Set(pending.value);
    still.delete(id);
    pending.value = still;
    if (!result.ok) error.value = result.error.detail ?? result.error.reason;
    return result.ok;
  }

  return { pending, error, run };
}

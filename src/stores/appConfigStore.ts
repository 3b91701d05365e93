import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { type AppConfig, type ResolvedAppConfig, defaultAppConfig } from '../domain/appConfig';

/** Runtime configuration and the problems found in it (shown in the HUD, never silently dropped). */
export const useAppConfigStore = defineStore('appConfig', () => {
  const config = shallowRef<AppConfig>(defaultAppConfig);
  const problems = ref<string[]>([]);

  function apply(resolved: ResolvedAppConfig): void {
    config.value = resolved.config;
    problems.value = resolved.problems;
  }

  return { config, problems, apply };
});

import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, useApi } from '../../api';
import { type MenuOperation, type OperationForm, type ProcessView, sendOperation } from './operations';

/** The open process: its view as the viewer may see it, and the operations run on it. */
export const useProcessStore = defineStore('process', () => {
  const view = ref<ProcessView | null>(null);

  async function load(id: string): Promise<void> {
    view.value = await call(useApi().GET('/api/v1/processes/{id}', { params: { path: { id } } }));
  }

  /** Runs an operation on the version read; the page shows the process as it now is. */
  async function operate(action: MenuOperation, form: OperationForm): Promise<void> {
    const current = view.value!;
    await call<unknown>(sendOperation(useApi(), current, action, form));
    await load(current.id);
  }

  async function conclusionTargets(): Promise<{ id: string; fullName: string; profile: string }[]> {
    const id = view.value!.id;
    const list = await call(useApi().GET('/api/v1/processes/{id}/conclusion-targets', { params: { path: { id } } }));
    return list.items;
  }

  return { view, load, operate, conclusionTargets };
});

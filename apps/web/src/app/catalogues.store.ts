import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, type Schemas, useApi } from '../api';

/**
 * The catalogues forms choose from, read once per session: they change by an
 * administrator's hand, rarely, and a reload picks the change up.
 */
export const useCataloguesStore = defineStore('catalogues', () => {
  const classes = ref<Schemas['ClassItemDto'][]>([]);
  const subjects = ref<Schemas['SubjectItemDto'][]>([]);
  const documentTypes = ref<Schemas['DocumentTypeItemDto'][]>([]);
  const movementTypes = ref<Schemas['MovementTypeItemDto'][]>([]);
  const units = ref<Schemas['UnitDto'][]>([]);
  const loaded = new Set<string>();
  /** Choices as the forms offer them: code and name. */
  const classOptions = computed(() => classes.value.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` })));
  const subjectOptions = computed(() => subjects.value.map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` })));
  const unitOptions = computed(() => units.value.map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` })));

  /** One unit as the forms show it, or its id while the units are not read yet. */
  function unitOption(id: string): { value: string; label: string } {
    return unitOptions.value.find((o) => o.value === id) ?? { value: id, label: id };
  }

  async function once(name: string, load: () => Promise<void>): Promise<void> {
    if (loaded.has(name)) return;
    await load();
    loaded.add(name);
  }

  const loadClasses = () =>
    once('classes', async () => {
      classes.value =
        (await call(useApi().GET('/api/v1/classes', { params: { query: { active: true } } }))).items ?? [];
    });

  const loadSubjects = () =>
    once('subjects', async () => {
      subjects.value =
        (await call(useApi().GET('/api/v1/subjects', { params: { query: { active: true } } }))).items ?? [];
    });

  const loadDocumentTypes = () =>
    once('documentTypes', async () => {
      const list = await call(useApi().GET('/api/v1/document-types', { params: { query: { active: true } } }));
      documentTypes.value = list.items ?? [];
    });

  const loadMovementTypes = () =>
    once('movementTypes', async () => {
      const list = await call(useApi().GET('/api/v1/movement-types', { params: { query: { active: true } } }));
      movementTypes.value = list.items ?? [];
    });

  /** Every unit, following the cursor (an institution has hundreds, not more). */
  const loadUnits = () =>
    once('units', async () => {
      const all: Schemas['UnitDto'][] = [];
      let cursor: string | undefined;
      do {
        const page = await call(useApi().GET('/api/v1/units', { params: { query: { limit: 200, cursor } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      units.value = all;
    });

  return {
    classes,
    subjects,
    classOptions,
    subjectOptions,
    documentTypes,
    movementTypes,
    units,
    unitOptions,
    unitOption,
    loadClasses,
    loadSubjects,
    loadDocumentTypes,
    loadMovementTypes,
    loadUnits,
  };
});

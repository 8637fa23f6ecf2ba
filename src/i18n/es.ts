import type {CareStrings} from './index.js';

/** Spanish UI strings. */
export const es: CareStrings = {
  symptomsSummary: (marked, total) =>
    marked === 0
      ? `Ninguno de los ${total} síntomas marcado.`
      : `${marked} de ${total} síntomas marcados. Estas señales tienen muchas causas: habla de ellas con un profesional de la salud.`,
  checklistProgress: (done, total) => `${done} de ${total} hechos`,
  checklistProgressLabel: 'Pasos hechos',
  checklistReset: 'Borrar marcas',
  loading: 'Cargando…',
};

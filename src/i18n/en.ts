/** English UI strings. Every key can be overridden per element through its `strings` property. */
export const en = {
  // Lists
  symptomsSummary: (marked: number, total: number) =>
    marked === 0
      ? `None of the ${total} symptoms marked.`
      : `${marked} of ${total} symptoms marked. These signs have many causes: talk to a healthcare professional about them.`,
  checklistProgress: (done: number, total: number) => `${done} of ${total} done`,
  checklistProgressLabel: 'Steps done',
  checklistReset: 'Clear ticks',
  loading: 'Loading…',
} as const;

/** Whether a thrown error is the browser refusing a storage write (quota, disk). */
export function isStorageFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota|storage|disk|IO error/i.test(text);
}
